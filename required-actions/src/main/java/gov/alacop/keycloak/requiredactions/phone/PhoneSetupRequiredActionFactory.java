package gov.alacop.keycloak.requiredactions.phone;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;
import gov.alacop.keycloak.common.provider.StatelessRequiredActionFactory;

/** Registers the phone setup (text or voice). */
public final class PhoneSetupRequiredActionFactory extends StatelessRequiredActionFactory {

    public static final String ID = PhoneCredentialProvider.SETUP_ACTION;

    public PhoneSetupRequiredActionFactory() {
        super(new PhoneSetupRequiredAction(), ID, "AlaCOP: set up phone (text or voice)");
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return withMaxAuthAge(PhoneSetupConfig.metadata());
    }

    @Override
    protected List<String> configProblems(Map<String, String> config) {
        return PhoneSetupConfig.problems(config);
    }
}
