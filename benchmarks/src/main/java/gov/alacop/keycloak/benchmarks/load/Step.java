package gov.alacop.keycloak.benchmarks.load;

/** The pages and requests of one sign-in, timed one by one (each with the Keycloak redirects it causes). */
public enum Step {
    AUTHORIZE("authorize", "the relying party's authorization request → identifier page"),
    IDENTIFIER("identifier", "identifier posted → password page"),
    PASSWORD("password", "password posted → app-code page"),
    APP_CODE("app-code", "app code posted → \"Stay signed in?\" (or the relying party)"),
    STAY_SIGNED_IN("stay-signed-in", "\"Stay signed in?\" No → redirect to the relying party with the code"),
    TOKEN("token", "the relying party's code exchange (PKCE) at the token endpoint"),
    SIGN_IN("sign-in", "the whole sign-in, first request to tokens");

    private final String key;
    private final String description;

    Step(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** Short name for tables and the JSON file. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }
}
