package gov.alacop.keycloak.passwordpolicy.minage;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;

import gov.alacop.keycloak.passwordpolicy.PolicyProviderFactory;

/** "Minimum Password Age (Hours)" in the admin console's password-policy tab. */
public final class MinPasswordAgePolicyProviderFactory extends PolicyProviderFactory {

    /** Not {@code passwordAge}: that is Keycloak's "Not Recently Used (In Days)". */
    public static final String ID = "alacopMinPasswordAge";

    public MinPasswordAgePolicyProviderFactory() {
        super(ID, "Minimum Password Age (Hours)", PasswordPolicyProvider.INT_CONFIG_TYPE,
                String.valueOf(MinimumPasswordAge.DEFAULT_HOURS));
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new MinPasswordAgePolicyProvider(session);
    }
}
