package gov.alacop.keycloak.passwordpolicy.visible;

import gov.alacop.keycloak.common.text.VisibleText;

/**
 * The password rule "visible characters only", pure: no control, zero-width or other format character (nobody can
 * see or reliably type them again), and the realm's minimum length counted in visible characters, so that
 * {@code Aa1!} followed by twelve combining accents is 4 characters, not 16.
 */
public final class VisibleCharacters {

    /** "Use only characters you can see: no spaces of zero width, tabs or other control characters." */
    public static final String MSG_INVISIBLE = "alacopPasswordInvisibleCharacters";
    /** Keycloak's own message of {@code length(n)}: "Invalid password: minimum length {0}." */
    public static final String MSG_MIN_LENGTH = "invalidPasswordMinLengthMessage";

    private VisibleCharacters() {
    }

    /** The message key that refuses the password, or null; {@code minLength} null or 0 when the realm has none. */
    public static String refusal(String password, Integer minLength) {
        if (password == null) {
            return null;
        }
        if (VisibleText.hasInvisible(password)) {
            return MSG_INVISIBLE;
        }
        if (minLength != null && minLength > 0 && VisibleText.visibleLength(password) < minLength) {
            return MSG_MIN_LENGTH;
        }
        return null;
    }
}
