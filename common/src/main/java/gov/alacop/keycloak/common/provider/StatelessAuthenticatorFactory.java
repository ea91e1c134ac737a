package gov.alacop.keycloak.common.provider;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers one browser-flow step whose authenticator is stateless (one instance serves every request). Subclasses
 * give the id, the admin-console texts and, if the step has settings, their list (from the step's {@code …Config}).
 */
public abstract class StatelessAuthenticatorFactory extends StatelessProviderFactory<Authenticator>
        implements AuthenticatorFactory {

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE,
            Requirement.DISABLED};

    private final Authenticator authenticator;
    private final String displayType;
    private final String helpText;

    /** The step's id, its name in the flow editor and the help text shown next to it. */
    protected StatelessAuthenticatorFactory(Authenticator authenticator, String id, String displayType,
            String helpText) {
        super(id);
        this.authenticator = authenticator;
        this.displayType = displayType;
        this.helpText = helpText;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    /** No credential category unless the step verifies one (brute-force protection counts only those). */
    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    /** The step's settings; none unless the subclass lists them. */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    /** Our steps never offer Keycloak's "set up later" for a missing credential; setups are required actions. */
    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
