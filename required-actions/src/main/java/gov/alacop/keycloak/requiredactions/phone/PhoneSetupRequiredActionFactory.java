package gov.alacop.keycloak.requiredactions.phone;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
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
