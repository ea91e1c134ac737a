package gov.alacop.keycloak.authenticators.reset;

import java.util.Locale;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * A way to prove who one is during a password reset. The order is the order of preference (codes first). A text and
 * a voice code come from the same phone: they are two ways of one {@link Factor}, and two proofs must come from two
 * different factors.
 */
enum ResetMethod {
    /** A code from the authenticator app (Keycloak's OTP credential). */
    APP(Factor.APP),
    /** A code texted to the officer's verified phone, through the shared phone-code exchange. */
    TEXT(Factor.PHONE),
    /** A code read out by a call to the officer's verified phone. */
    VOICE(Factor.PHONE),
    /** Some of the officer's security questions; never a code, so never the only proof. */
    QUESTIONS(Factor.QUESTIONS);

    /** What the officer has: the app, the phone, the questions. */
    enum Factor { APP, PHONE, QUESTIONS }

    private final Factor factor;

    ResetMethod(Factor factor) {
        this.factor = factor;
    }

    Factor factor() {
        return factor;
    }

    boolean isCode() {
        return factor != Factor.QUESTIONS;
    }

    boolean isPhone() {
        return factor == Factor.PHONE;
    }

    /** The channel of a phone code (text for the other methods, which never send). */
    Channel channel() {
        return this == VOICE ? Channel.VOICE : Channel.TEXT;
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ResetMethod parse(String value) {
        if (value == null) {
            return null;
        }
        for (ResetMethod method : values()) {
            if (method.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        return null;
    }
}
