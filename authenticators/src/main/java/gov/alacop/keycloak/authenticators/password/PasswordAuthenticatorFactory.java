package gov.alacop.keycloak.authenticators.password;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.realm.AlaCopRealm;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordConfig;

/** Registers the password step ("AlaCOP password") that follows the identifier step. */
public final class PasswordAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = AlaCopRealm.PASSWORD_STEP;

    private static final PasswordAuthenticator SINGLETON = new PasswordAuthenticator();


    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "AlaCOP password";
    }

    @Override
    public String getHelpText() {
        return "Asks for the password of the identifier given on the previous step. Unknown identifiers get the "
                + "same page and fail with the same message as a wrong password. An expired temporary password fails like a "
                + "wrong one; wrong passwords against a pending one lock the account (settings: temporary-password "
                + "prefix, expiry, lockout).";
    }

    @Override
    public String getReferenceCategory() {
        // Failures count in Keycloak's brute-force protection only for the password/otp categories.
        return PasswordCredentialModel.TYPE;
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
        return TemporaryPasswordConfig.metadata();
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
