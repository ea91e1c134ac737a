package gov.alacop.keycloak.requiredactions.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;
import gov.alacop.keycloak.common.provider.StatelessRequiredActionFactory;

/** Registers the phone setup (text or voice). */
public final class PhoneSetupRequiredActionFactory extends StatelessRequiredActionFactory {

    public static final String ID = PhoneCredentialProvider.SETUP_ACTION;

    public PhoneSetupRequiredActionFactory() {
        super(new PhoneSetupRequiredAction());
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "AlaCOP: set up phone (text or voice)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(PhoneSetupConfig.metadata());
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return properties;
    }

    @Override
    protected List<String> configProblems(Map<String, String> config) {
        return PhoneSetupConfig.problems(config);
    }
}
