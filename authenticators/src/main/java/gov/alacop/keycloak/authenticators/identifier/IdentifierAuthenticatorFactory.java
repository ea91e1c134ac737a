package gov.alacop.keycloak.authenticators.identifier;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.realm.AlaCopRealm;

/** Registers the identifier step ("AlaCOP identifier (UPN)") in the admin console's flow editor. */
public final class IdentifierAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = AlaCopRealm.IDENTIFIER_STEP;

    private static final IdentifierAuthenticator SINGLETON = new IdentifierAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "AlaCOP identifier (UPN)";
    }

    @Override
    public String getHelpText() {
        return "Asks for the AlaCOP e-mail address or username, without revealing whether the account exists. "
                + "Follow it with 'AlaCOP password'.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return IdentifierConfig.metadata();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
        // no server-wide options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }
}
