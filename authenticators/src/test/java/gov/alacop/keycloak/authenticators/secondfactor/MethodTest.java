package gov.alacop.keycloak.authenticators.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MethodTest {

    @ParameterizedTest(name = "a code accepted by {0} is amr \"{1}\"")
    @CsvSource({"APP, otp", "TEXT, sms", "VOICE, tel"})
    void reference(Method method, String amr) {
        assertThat(method.reference().value()).isEqualTo(amr);
    }
}
