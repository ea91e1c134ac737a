package gov.alacop.keycloak.common.claims;

/** The user principal name applications know from the identity cloud: {@code username@<upn-domain>}. */
public final class Upn {

    private Upn() {
    }

    /**
     * The UPN of this username: the username itself when it already holds an {@code @} (an account named by an
     * address), else {@code username@domain}; null without a username.
     */
    public static String of(String username, String domain) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return username.indexOf('@') >= 0 ? username : username + "@" + domain;
    }
}
