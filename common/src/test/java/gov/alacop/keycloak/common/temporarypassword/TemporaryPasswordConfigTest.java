package gov.alacop.keycloak.common.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.AuthenticatorConfigModel;

@DisplayName("The temporary-password settings")
class TemporaryPasswordConfigTest {

    private static TemporaryPasswordConfig config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return TemporaryPasswordConfig.of(model);
    }

    @Test
    @DisplayName("default to New$Alacop# and 72 hours")
    void defaults() {
        assertThat(TemporaryPasswordConfig.of((AuthenticatorConfigModel) null).prefix()).isEqualTo("New$Alacop#");
        assertThat(config(Map.of()).expiry()).isEqualTo(Duration.ofHours(72));
    }

    @ParameterizedTest(name = "\"{0}\" hours -> {1} hours")
    @CsvSource({"1, 1", "24, 24", "720, 720", "0, 1", "-5, 1", "721, 720", "100000, 720", "abc, 72", "' ', 72"})
    @DisplayName("keep the expiry between 1 hour and 30 days")
    void expiryBounds(String value, long hours) {
        assertThat(config(Map.of(TemporaryPasswordConfig.EXPIRY_HOURS, value)).expiry()).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    @DisplayName("use the configured prefix, trimmed")
    void prefix() {
        assertThat(config(Map.of(TemporaryPasswordConfig.PREFIX, " Temp!Pass# ")).prefix()).isEqualTo("Temp!Pass#");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} wrong passwords")
    @CsvSource({"3, 3", "1, 1", "10, 10", "0, 1", "11, 10", "abc, 3", "' ', 3"})
    @DisplayName("keep the temporary-password lockout between 1 and 10 wrong passwords, default 3")
    void maxFailures(String value, int failures) {
        assertThat(config(Map.of(TemporaryPasswordConfig.MAX_FAILURES, value)).maxFailures()).isEqualTo(failures);
        assertThat(config(Map.of()).maxFailures()).isEqualTo(3);
    }

    @ParameterizedTest(name = "\"{0}\" -> refuse {1}")
    @CsvSource({"true, true", "TRUE, true", "false, false", "' ', false", "maybe, true"})
    @DisplayName("refuse usernames holding the digits only when asked; an unreadable value refuses")
    void refuseUsernameWithDigits(String value, boolean refuse) {
        assertThat(config(Map.of(TemporaryPasswordConfig.REFUSE_USERNAME_WITH_DIGITS, value)).refuseUsernameWithDigits())
                .isEqualTo(refuse);
        assertThat(config(Map.of()).refuseUsernameWithDigits()).isFalse();
    }
}
