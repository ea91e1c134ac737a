package gov.alacop.keycloak.requiredactions.enrollment;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.enrollment.Enrollment;
import gov.alacop.keycloak.common.enrollment.EnrollmentConfig;
import gov.alacop.keycloak.common.provider.StatelessRequiredActionFactory;

/** Registers the two-method enrollment wizard ("Keep your account secure"). */
public final class EnrollmentRequiredActionFactory extends StatelessRequiredActionFactory {

    public static final String ID = Enrollment.ACTION_ID;

    public EnrollmentRequiredActionFactory() {
        super(new EnrollmentRequiredAction(ID), ID, "AlaCOP: keep your account secure (two security methods)");
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return EnrollmentConfig.metadata();
    }

    @Override
    protected List<String> configProblems(Map<String, String> config) {
        return EnrollmentConfig.problems(config);
    }
}
