package gov.alacop.keycloak.requiredactions.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import gov.alacop.keycloak.common.phone.PhoneNumbers;

/**
 * Admin-console settings of the phone setup, with their defaults. A number must be of an allowed region
 * ({@code allowedRegions}, default US); {@code allowedCallingCodes} (deprecated: {@code +1} alone covers some 25
 * countries) is still applied on top, so an agency that allowed {@code 44} must now also allow {@code GB}.
 */
record PhoneSetupConfig(Set<Integer> allowedCallingCodes, Set<String> allowedRegions, String defaultRegion) {

    static final String ALLOWED_CALLING_CODES = "allowedCallingCodes";
    static final String ALLOWED_REGIONS = "allowedRegions";
    static final String DEFAULT_REGION = "defaultRegion";
    static final String DEFAULT_CODES = "1";
    static final String DEFAULT_REGION_VALUE = "US";

    static PhoneSetupConfig of(RequiredActionConfigModel model) {
        String codes = model == null ? null : model.getConfigValue(ALLOWED_CALLING_CODES);
        String region = model == null ? null : model.getConfigValue(DEFAULT_REGION);
        String regions = model == null ? null : model.getConfigValue(ALLOWED_REGIONS);
        return new PhoneSetupConfig(PhoneNumbers.parseCallingCodes(codes), PhoneNumbers.parseRegions(regions),
                region == null || region.isBlank() ? DEFAULT_REGION_VALUE : region.strip().toUpperCase());
    }

    /**
     * What is wrong with settings an administrator is about to save (empty: fine): a calling code that cannot be
     * read or does not exist, or an unknown region (allowed or default), would otherwise be dropped silently at
     * sign-in.
     */
    static List<String> problems(Map<String, String> config) {
        List<String> problems = new ArrayList<>();
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String codes = config.get(ALLOWED_CALLING_CODES);
        if (codes != null && !codes.isBlank()) {
            for (String code : codes.strip().split("[,\\s]+")) {
                String digits = code.startsWith("+") ? code.substring(1) : code;
                if (!digits.matches("[1-9][0-9]{0,2}")
                        || !util.getSupportedCallingCodes().contains(Integer.parseInt(digits))) {
                    problems.add("Allowed country calling codes: '" + code + "' is not a country calling code "
                            + "(use digits such as 1 or 1,44).");
                }
            }
        }
        for (String unknown : PhoneNumbers.unknownRegions(config.get(ALLOWED_REGIONS))) {
            problems.add("Allowed regions: '" + unknown + "' is not an ISO region (use e.g. US or US,CA).");
        }
        String region = config.get(DEFAULT_REGION);
        if (region != null && !region.isBlank()
                && !util.getSupportedRegions().contains(region.strip().toUpperCase(Locale.ROOT))) {
            problems.add("Region of national numbers: '" + region + "' is not an ISO region (use e.g. US).");
        }
        return problems;
    }

    /** "+1" or "+1, +44" for the page. */
    String callingCodesText() {
        return allowedCallingCodes.stream().sorted().map(c -> "+" + c).collect(Collectors.joining(", "));
    }

    /** "United States" for the page. */
    String regionNamesText() {
        return PhoneNumbers.regionNames(allowedRegions);
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ALLOWED_REGIONS).label("Allowed regions")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(PhoneNumbers.DEFAULT_REGIONS)
                .helpText("Comma-separated ISO regions a phone number may belong to, e.g. US or US,CA. +1 alone "
                        + "covers some 25 countries; the region is what decides.").add()
                .property().name(ALLOWED_CALLING_CODES).label("Allowed country calling codes (deprecated)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_CODES)
                .helpText("Deprecated, use Allowed regions. Still applied on top of the regions: "
                        + "comma-separated country calling codes, e.g. 1 or 1,44.").add()
                .property().name(DEFAULT_REGION).label("Region of national numbers")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_REGION_VALUE)
                .helpText("ISO region assumed for numbers typed without +country code, e.g. US.").add()
                .build();
    }
}
