package gov.alacop.keycloak.adminrest.temporarypassword;

/**
 * One officer of a bulk issue: who they are, the SSN digits the temporary password is built from, and whether the
 * row asks to re-issue the temporary password of an officer who already set their own ({@code reissue}).
 */
public record TemporaryPasswordRow(String username, String firstName, String lastName, String email, String ori,
        String ssnLast4, boolean reissue) {

    public TemporaryPasswordRow(String username, String firstName, String lastName, String email, String ori,
            String ssnLast4) {
        this(username, firstName, lastName, email, ori, ssnLast4, false);
    }

    /** Never print the digits, even by accident. */
    @Override
    public String toString() {
        return "TemporaryPasswordRow[username=" + username + ", reissue=" + reissue + "]";
    }
}
