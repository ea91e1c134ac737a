package gov.alacop.keycloak.passwordpolicy.minage;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

import gov.alacop.keycloak.common.provider.StatelessProviderFactory;

/** "Minimum Password Age (Hours)" in the admin console's password-policy tab. */
public final class MinPasswordAgePolicyProviderFactory extends StatelessProviderFactory<PasswordPolicyProvider>
        implements PasswordPolicyProviderFactory {

    /** Not {@code passwordAge}: that is Keycloak's "Not Recently Used (In Days)". */
    public static final String ID = "alacopMinPasswordAge";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayName() {
        return "Minimum Password Age (Hours)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.INT_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return String.valueOf(MinimumPasswordAge.DEFAULT_HOURS);
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new MinPasswordAgePolicyProvider(session);
    }
}
