package gov.alacop.keycloak.requiredactions.questions;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.provider.StatelessRequiredActionFactory;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialProvider;

/** Registers the security-questions setup. */
public final class SecurityQuestionsRequiredActionFactory extends StatelessRequiredActionFactory {

    public static final String ID = SecurityQuestionsCredentialProvider.SETUP_ACTION;

    public SecurityQuestionsRequiredActionFactory() {
        super(new SecurityQuestionsRequiredAction(), ID, "AlaCOP: set up security questions");
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return withMaxAuthAge(SecurityQuestionsConfig.metadata());
    }

    @Override
    protected List<String> configProblems(Map<String, String> config) {
        return SecurityQuestionsConfig.problems(config);
    }
}
