package gov.alacop.keycloak.requiredactions.staysignedin;

import java.util.List;
import java.util.Map;

import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Admin-console settings of "Stay signed in?", with their defaults. */
final class StaySignedInConfig {

    /**
     * Ask (or apply a saved "yes") only after a sign-in that used more than the password (the second-factor step,
     * or the two-method setup completed in this sign-in). Default {@code true}; anything but {@code false} counts as
     * {@code true}, and the administrator's save accepts only {@code true} or {@code false}.
     */
    static final String ONLY_AFTER_SECOND_FACTOR = "onlyAfterSecondFactor";

    private StaySignedInConfig() {
    }

    static boolean onlyAfterSecondFactor(RequiredActionConfigModel config) {
        String value = config == null ? null : config.getConfigValue(ONLY_AFTER_SECOND_FACTOR);
        return value == null || !value.strip().equals("false");
    }

    /** What is wrong with settings an administrator is about to save (empty: fine). */
    static List<String> problems(Map<String, String> config) {
        String value = config.get(ONLY_AFTER_SECOND_FACTOR);
        if (value != null && !value.isBlank() && !value.strip().equals("true") && !value.strip().equals("false")) {
            return List.of("Only after a second factor: use true or false.");
        }
        return List.of();
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ONLY_AFTER_SECOND_FACTOR).label("Only after a second factor")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("Offer 'Stay signed in?' (and apply a saved 'yes') only after a sign-in that passed the "
                        + "second-factor step or completed the two-method setup. Off: also after a password alone.")
                .add().build();
    }
}
