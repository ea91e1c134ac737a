package gov.alacop.keycloak.common.messaging;

import java.util.Objects;

import gov.alacop.keycloak.common.phone.PhoneMask;

/**
 * A one-time code on its way to a phone. {@code text} is the localized text message; voice senders build their
 * own script from {@code code}. {@link #toString()} never shows the code or the full number.
 */
public record VerificationMessage(String to, String code, String text) {

    public VerificationMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "VerificationMessage[to=" + PhoneMask.mask(to) + "]";
    }
}
