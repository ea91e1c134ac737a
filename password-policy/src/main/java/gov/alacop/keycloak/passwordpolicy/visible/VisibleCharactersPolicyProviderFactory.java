package gov.alacop.keycloak.passwordpolicy.visible;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

import gov.alacop.keycloak.common.provider.StatelessProviderFactory;

/** "Visible Characters Only" in the admin console's password-policy tab (no value: it reads the realm's Length). */
public final class VisibleCharactersPolicyProviderFactory extends StatelessProviderFactory<PasswordPolicyProvider>
        implements PasswordPolicyProviderFactory {

    public static final String ID = "alacopVisibleCharacters";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayName() {
        return "Visible Characters Only";
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new VisibleCharactersPolicyProvider(session);
    }
}
