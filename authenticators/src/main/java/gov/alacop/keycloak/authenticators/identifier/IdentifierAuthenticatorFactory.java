package gov.alacop.keycloak.authenticators.identifier;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.provider.StatelessAuthenticatorFactory;
import gov.alacop.keycloak.common.realm.AlaCopRealm;

/** Registers the identifier step ("AlaCOP identifier (UPN)") in the admin console's flow editor. */
public final class IdentifierAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = AlaCopRealm.IDENTIFIER_STEP;

    public IdentifierAuthenticatorFactory() {
        super(new IdentifierAuthenticator(), PROVIDER_ID, "AlaCOP identifier (UPN)",
                "Asks for the AlaCOP e-mail address or username, without revealing whether the account exists. "
                        + "Follow it with 'AlaCOP password'.");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return IdentifierConfig.metadata();
    }
}
