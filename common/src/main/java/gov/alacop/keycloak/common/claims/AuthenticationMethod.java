package gov.alacop.keycloak.common.claims;

import java.util.Locale;
import java.util.Optional;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * The RFC 8176 "Authentication Method Reference" values AlaCOP steps record, in the order the {@code amr} claim
 * lists them. {@link #MFA} is added by the second-factor step when it verified a method registered before the
 * sign-in, never by a setup.
 */
public enum AuthenticationMethod {
    /** The AlaCOP password step accepted the password. */
    PWD,
    /** A code of the authenticator app (TOTP). */
    OTP,
    /** A code sent by text message. */
    SMS,
    /** A code read out in a voice call. */
    TEL,
    /** Knowledge-based authentication: security questions. Reserved: they are never a sign-in factor today. */
    KBA,
    /** A second factor was verified. */
    MFA;

    /** The claim value, e.g. {@code pwd}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A code received on the phone through this channel: {@link #SMS} or {@link #TEL}. */
    public static AuthenticationMethod phone(Channel channel) {
        return channel == Channel.VOICE ? TEL : SMS;
    }

    /** The method of this claim value; empty for anything else (values of other steps, typos). */
    public static Optional<AuthenticationMethod> of(String value) {
        for (AuthenticationMethod method : values()) {
            if (method.value().equals(value)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
