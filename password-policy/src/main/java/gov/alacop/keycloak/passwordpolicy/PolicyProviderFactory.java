package gov.alacop.keycloak.passwordpolicy;

import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

import gov.alacop.keycloak.common.provider.StatelessProviderFactory;

/**
 * Registers one of our password rules for Authentication → Policies: its id (the word in the policy string), its name
 * in the admin console, and the type and default of its value. Each rule appears at most once in a policy.
 */
public abstract class PolicyProviderFactory extends StatelessProviderFactory<PasswordPolicyProvider>
        implements PasswordPolicyProviderFactory {

    private final String displayName;
    private final String configType;
    private final String defaultConfigValue;

    /** configType and defaultConfigValue are null for a rule without a value. */
    protected PolicyProviderFactory(String id, String displayName, String configType, String defaultConfigValue) {
        super(id);
        this.displayName = displayName;
        this.configType = configType;
        this.defaultConfigValue = defaultConfigValue;
    }

    @Override
    public final String getDisplayName() {
        return displayName;
    }

    @Override
    public final String getConfigType() {
        return configType;
    }

    @Override
    public final String getDefaultConfigValue() {
        return defaultConfigValue;
    }

    @Override
    public final boolean isMultiplSupported() {
        return false;
    }
}
