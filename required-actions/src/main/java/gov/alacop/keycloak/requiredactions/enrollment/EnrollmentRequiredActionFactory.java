package gov.alacop.keycloak.requiredactions.enrollment;

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
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        List<String> problems = EnrollmentConfig.problems(model.getConfig() == null ? Map.of() : model.getConfig());
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
