package gov.alacop.keycloak.adminrest.temporarypassword;

/** One officer of a bulk issue: who they are, and the SSN digits the temporary password is built from. */
public record TemporaryPasswordRow(String username, String firstName, String lastName, String email, String ori,
        String ssnLast4) {

    /** Never print the digits, even by accident. */
    @Override
    public String toString() {
        return "TemporaryPasswordRow[username=" + username + "]";
    }
}
