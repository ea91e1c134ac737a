package gov.alacop.keycloak.requiredactions.phone;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import gov.alacop.keycloak.common.phone.PhoneNumbers;

/** Admin-console settings of the phone setup, with their defaults. */
record PhoneSetupConfig(Set<Integer> allowedCallingCodes, String defaultRegion) {

    static final String ALLOWED_CALLING_CODES = "allowedCallingCodes";
    static final String DEFAULT_REGION = "defaultRegion";
    static final String DEFAULT_CODES = "1";
    static final String DEFAULT_REGION_VALUE = "US";

    static PhoneSetupConfig of(RequiredActionConfigModel model) {
        String codes = model == null ? null : model.getConfigValue(ALLOWED_CALLING_CODES);
        String region = model == null ? null : model.getConfigValue(DEFAULT_REGION);
        return new PhoneSetupConfig(PhoneNumbers.parseCallingCodes(codes),
                region == null || region.isBlank() ? DEFAULT_REGION_VALUE : region.strip().toUpperCase());
    }

    /** "+1" or "+1, +44" for the page. */
    String callingCodesText() {
        return allowedCallingCodes.stream().sorted().map(c -> "+" + c).collect(Collectors.joining(", "));
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ALLOWED_CALLING_CODES).label("Allowed country calling codes")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_CODES)
                .helpText("Comma-separated country calling codes a phone number may have, e.g. 1 or 1,44.").add()
                .property().name(DEFAULT_REGION).label("Region of national numbers")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_REGION_VALUE)
                .helpText("ISO region assumed for numbers typed without +country code, e.g. US.").add()
                .build();
    }
}
