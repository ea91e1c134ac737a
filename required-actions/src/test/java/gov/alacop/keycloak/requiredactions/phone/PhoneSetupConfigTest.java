package gov.alacop.keycloak.requiredactions.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RequiredActionConfigModel;

@DisplayName("Phone setup settings")
class PhoneSetupConfigTest {

    static RequiredActionConfigModel config(Map<String, String> values) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(values);
        return model;
    }

    @Test
    @DisplayName("default to +1 and US numbers")
    void defaults() {
        PhoneSetupConfig config = PhoneSetupConfig.of(null);
        assertThat(config.allowedCallingCodes()).containsExactly(1);
        assertThat(config.defaultRegion()).isEqualTo("US");
        assertThat(config.callingCodesText()).isEqualTo("+1");
    }

    @Test
    @DisplayName("take the administrator's calling codes and region")
    void configured() {
        PhoneSetupConfig config = PhoneSetupConfig.of(config(Map.of("allowedCallingCodes", "44, +1",
                "defaultRegion", "gb")));
        assertThat(config.callingCodesText()).isEqualTo("+1, +44");
        assertThat(config.defaultRegion()).isEqualTo("GB");
    }

    @Test
    @DisplayName("refuse on save a calling code that cannot be read or does not exist, and an unknown region")
    void problems() {
        assertThat(PhoneSetupConfig.problems(Map.of("allowedCallingCodes", "1, +44", "defaultRegion", "us"))).isEmpty();
        assertThat(PhoneSetupConfig.problems(Map.of())).isEmpty();
        assertThat(PhoneSetupConfig.problems(Map.of("allowedCallingCodes", "1;44"))).hasSize(1);
        assertThat(PhoneSetupConfig.problems(Map.of("allowedCallingCodes", "one"))).hasSize(1);
        assertThat(PhoneSetupConfig.problems(Map.of("allowedCallingCodes", "1,999"))).singleElement()
                .asString().contains("'999'");
        assertThat(PhoneSetupConfig.problems(Map.of("defaultRegion", "USA"))).hasSize(1);
        assertThat(PhoneSetupConfig.problems(Map.of("allowedRegions", "US, CA"))).isEmpty();
        assertThat(PhoneSetupConfig.problems(Map.of("allowedRegions", "US,UK"))).singleElement()
                .asString().contains("'UK'");
    }
}
