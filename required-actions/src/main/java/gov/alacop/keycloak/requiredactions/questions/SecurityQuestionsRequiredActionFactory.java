package gov.alacop.keycloak.requiredactions.questions;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialProvider;

public final class SecurityQuestionsRequiredActionFactory implements RequiredActionFactory {

    public static final String ID = SecurityQuestionsCredentialProvider.SETUP_ACTION;
    private static final SecurityQuestionsRequiredAction INSTANCE = new SecurityQuestionsRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getDisplayText() {
        return "AlaCOP: set up security questions";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(SecurityQuestionsConfig.metadata());
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return properties;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
