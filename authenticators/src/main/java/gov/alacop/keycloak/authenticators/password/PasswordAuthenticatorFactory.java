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
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers the password step ("AlaCOP password") that follows the identifier step. */
public final class PasswordAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "alacop-password";

    private static final PasswordAuthenticator SINGLETON = new PasswordAuthenticator();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(TemporaryPasswordConfig.PREFIX)
            .label("Temporary password prefix")
            .helpText("Start of every temporary password issued through the AlaCOP admin API: prefix + last-name "
                    + "initial + SSN last 4 + first-name initial. Default: " + TemporaryPasswordConfig.DEFAULT_PREFIX)
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(TemporaryPasswordConfig.DEFAULT_PREFIX)
            .add()
            .property()
            .name(TemporaryPasswordConfig.EXPIRY_HOURS)
            .label("Temporary password expiry (hours)")
            .helpText("Hours an issued temporary password can be used to sign in: 1 to 720 (30 days). After that the "
                    + "sign-in is refused and the officer is told to contact the help desk. Default: "
                    + TemporaryPasswordConfig.DEFAULT_EXPIRY_HOURS)
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(TemporaryPasswordConfig.DEFAULT_EXPIRY_HOURS))
            .add()
            .property()
            .name(TemporaryPasswordConfig.MAX_FAILURES)
            .label("Wrong temporary passwords before lock")
            .helpText("While a temporary password is pending, this many wrong passwords (1 to 10) lock the account "
                    + "until the help desk enables the user again or issues a new temporary password. Default: "
                    + TemporaryPasswordConfig.DEFAULT_MAX_FAILURES)
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(TemporaryPasswordConfig.DEFAULT_MAX_FAILURES))
            .add()
            .property()
            .name(TemporaryPasswordConfig.REFUSE_USERNAME_WITH_DIGITS)
            .label("Refuse usernames holding the SSN digits")
            .helpText("When on, the temporary-password API refuses a user whose username contains the four SSN digits "
                    + "(the temporary password would follow from the username). When off, it issues and warns.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("false")
            .add()
            .build();

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
        return CONFIG;
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
