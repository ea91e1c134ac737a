package gov.alacop.keycloak.passwordpolicy.visible;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;

import gov.alacop.keycloak.passwordpolicy.PolicyProviderFactory;

/** "Visible Characters Only" in the admin console's password-policy tab (no value: it reads the realm's Length). */
public final class VisibleCharactersPolicyProviderFactory extends PolicyProviderFactory {

    public static final String ID = "alacopVisibleCharacters";

    public VisibleCharactersPolicyProviderFactory() {
        super(ID, "Visible Characters Only", null, null);
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new VisibleCharactersPolicyProvider(session);
    }
}
