package gov.alacop.keycloak.requiredactions.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;

public final class PhoneSetupRequiredActionFactory implements RequiredActionFactory {

    public static final String ID = PhoneCredentialProvider.SETUP_ACTION;
    private static final PhoneSetupRequiredAction INSTANCE = new PhoneSetupRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getDisplayText() {
        return "AlaCOP: set up phone (text or voice)";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(PhoneSetupConfig.metadata());
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return properties;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        List<String> problems = PhoneSetupConfig.problems(model.getConfig() == null ? Map.of() : model.getConfig());
        if (!problems.isEmpty()) {
            // The admin API answers 400 with this text; every problem is named in it.
            throw new ValidationException(new ValidationError(getId(), "config", String.join(" ", problems)));
        }
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
