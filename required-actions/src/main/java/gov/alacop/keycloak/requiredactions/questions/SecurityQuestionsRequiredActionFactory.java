package gov.alacop.keycloak.requiredactions.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.provider.StatelessRequiredActionFactory;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialProvider;

/** Registers the security-questions setup. */
public final class SecurityQuestionsRequiredActionFactory extends StatelessRequiredActionFactory {

    public static final String ID = SecurityQuestionsCredentialProvider.SETUP_ACTION;

    public SecurityQuestionsRequiredActionFactory() {
        super(new SecurityQuestionsRequiredAction());
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "AlaCOP: set up security questions";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(SecurityQuestionsConfig.metadata());
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return properties;
    }

    @Override
    protected List<String> configProblems(Map<String, String> config) {
        return SecurityQuestionsConfig.problems(config);
    }
}
