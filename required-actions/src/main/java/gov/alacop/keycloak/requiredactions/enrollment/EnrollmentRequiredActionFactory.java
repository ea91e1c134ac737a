package gov.alacop.keycloak.requiredactions.enrollment;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.enrollment.Enrollment;
import gov.alacop.keycloak.common.enrollment.EnrollmentConfig;

public final class EnrollmentRequiredActionFactory implements RequiredActionFactory {

    public static final String ID = Enrollment.ACTION_ID;
    private static final EnrollmentRequiredAction INSTANCE = new EnrollmentRequiredAction(ID);

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getDisplayText() {
        return "AlaCOP: keep your account secure (two security methods)";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return EnrollmentConfig.metadata();
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
