package gov.alacop.keycloak.it.support;

/** An account a test created; {@code upn()} is what an officer types on the identifier page. */
public record TestUser(String id, String username, String password) {

    public static final String UPN_DOMAIN = "alacop.gov";

    public String upn() {
        return username + "@" + UPN_DOMAIN;
    }
}
