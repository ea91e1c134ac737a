package gov.alacop.keycloak.authenticators.reset;

import java.util.List;
import java.util.Set;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.provider.StatelessAuthenticatorFactory;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialModel;

/** Registers "AlaCOP reset: proofs" for the reset-credentials flow's editor in the admin console. */
public final class ResetProofsAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = "alacop-reset-proofs";
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    public ResetProofsAuthenticatorFactory() {
        super(new ResetProofsAuthenticator(), PROVIDER_ID, "AlaCOP reset: proofs",
                "Asks for proofs from the officer's own methods (authenticator app code, security questions); by default two from different methods, at least one a code. Identifiers that cannot be reset get the same pages and end at the help desk.");
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    /** Wrong proofs count in brute-force protection (category otp); the questions are this step's too. */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(SecurityQuestionsCredentialModel.TYPE);
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ResetProofsConfig.metadata();
    }
}
