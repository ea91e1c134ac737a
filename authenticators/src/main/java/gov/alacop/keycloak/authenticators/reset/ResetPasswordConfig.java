package gov.alacop.keycloak.authenticators.reset;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Typed view of the new-password step's settings: what an accepted reset ends besides the old password. */
record ResetPasswordConfig(boolean endOtherSessions, boolean revokeOfflineTokens) {

    static final String END_OTHER_SESSIONS = "endOtherSessions";
    static final String REVOKE_OFFLINE_TOKENS = "revokeOfflineTokens";

    static ResetPasswordConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new ResetPasswordConfig(!"false".equalsIgnoreCase(config.get(END_OTHER_SESSIONS)),
                !"false".equalsIgnoreCase(config.get(REVOKE_OFFLINE_TOKENS)));
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(END_OTHER_SESSIONS).label("End the officer's sessions")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("An accepted reset signs the officer out everywhere (default on).").add()
                .property().name(REVOKE_OFFLINE_TOKENS).label("Revoke offline tokens")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("An accepted reset revokes the officer's offline tokens (default on).").add()
                .build();
    }
}
