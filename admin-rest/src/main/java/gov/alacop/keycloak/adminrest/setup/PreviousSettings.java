package gov.alacop.keycloak.adminrest.setup;

import java.io.IOException;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * What the realm used before the first setup, kept in a realm attribute so that the undo can put it back: the
 * browser, reset and direct-grant flows, the login theme, the password policy, "Forgot password" and remember-me.
 */
record PreviousSettings(String browserFlow, String resetCredentialsFlow, String directGrantFlow, String loginTheme,
        String passwordPolicy, boolean resetPasswordAllowed, boolean rememberMe) {

    static final String ATTRIBUTE = "alacopSetupPrevious";

    static PreviousSettings of(RealmModel realm) {
        return new PreviousSettings(alias(realm.getBrowserFlow()), alias(realm.getResetCredentialsFlow()),
                alias(realm.getDirectGrantFlow()), realm.getLoginTheme(),
                realm.getPasswordPolicy() == null ? null : realm.getPasswordPolicy().toString(),
                realm.isResetPasswordAllowed(), realm.isRememberMe());
    }

    /** Null when the realm was never set up, or its record is unreadable (the undo then falls back to Keycloak's). */
    static PreviousSettings read(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JsonSerialization.readValue(json, PreviousSettings.class);
        } catch (IOException e) {
            return null;
        }
    }

    void save(RealmModel realm) {
        try {
            realm.setAttribute(ATTRIBUTE, JsonSerialization.writeValueAsString(this));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String describe() {
        return "browser " + browserFlow + ", reset " + resetCredentialsFlow + ", direct grant " + directGrantFlow
                + ", theme " + (loginTheme == null ? "(default)" : loginTheme) + ", password policy "
                + (passwordPolicy == null || passwordPolicy.isBlank() ? "(none)" : passwordPolicy);
    }

    private static String alias(AuthenticationFlowModel flow) {
        return flow == null ? null : flow.getAlias();
    }
}
