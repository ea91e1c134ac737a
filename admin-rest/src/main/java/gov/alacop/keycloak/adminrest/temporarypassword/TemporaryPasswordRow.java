package gov.alacop.keycloak.adminrest.temporarypassword;

import gov.alacop.keycloak.common.text.VisibleText;

/**
 * One officer of a bulk issue: who they are, the SSN digits the temporary password is built from, and whether the
 * row asks to re-issue the temporary password of an officer who already set their own ({@code reissue}). The names
 * are kept as they will be stored: NFKC, white space collapsed ({@link VisibleText#normalizeName}).
 */
public record TemporaryPasswordRow(String username, String firstName, String lastName, String email, String ori,
        String ssnLast4, boolean reissue) {

    public TemporaryPasswordRow(String username, String firstName, String lastName, String email, String ori,
            String ssnLast4) {
        this(username, firstName, lastName, email, ori, ssnLast4, false);
    }

    public TemporaryPasswordRow {
        firstName = VisibleText.normalizeName(firstName);
        lastName = VisibleText.normalizeName(lastName);
    }

    /**
     * What makes the row unusable before any work is done on it (names and digits are checked by the pattern), or
     * null: a missing username, invisible characters in it, a value over {@value BatchLimits#MAX_VALUE_LENGTH}
     * characters.
     */
    public Problem problem() {
        if (username == null) {
            return new Problem("invalid_username", "username is required.");
        }
        if (VisibleText.hasInvisible(username)) {
            return new Problem("invalid_username", "username contains invisible characters (zero-width, format or "
                    + "control characters, a byte-order mark).");
        }
        String[][] values = {{"username", username}, {"firstName", firstName}, {"lastName", lastName},
            {"email", email}, {"ori", ori}};
        for (String[] value : values) {
            if (value[1] != null && value[1].length() > BatchLimits.MAX_VALUE_LENGTH) {
                return new Problem("value_too_long", value[0] + " is longer than " + BatchLimits.MAX_VALUE_LENGTH
                        + " characters.");
            }
        }
        return null;
    }

    /** Never print the digits, even by accident. */
    @Override
    public String toString() {
        return "TemporaryPasswordRow[username=" + username + ", reissue=" + reissue + "]";
    }

    /** An error code and a sentence that never repeats the row's values. */
    public record Problem(String code, String reason) {
    }
}
