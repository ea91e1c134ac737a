package gov.alacop.keycloak.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.alacop.keycloak.common.phone.PhoneNumbers.Problem;

@DisplayName("Phone number normalization")
class PhoneNumbersTest {

    static final Set<Integer> US = Set.of(1);

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "(205) 555-0123|+12055550123", "205.555.0123|+12055550123", "+1 205 555 0123|+12055550123",
            "1-205-555-0123|+12055550123", "  2055550123 |+12055550123"})
    @DisplayName("national and international forms give E.164")
    void normalizes(String typed, String e164) {
        PhoneNumbers.Result result = PhoneNumbers.normalize(typed, "US", US);
        assertThat(result.valid()).isTrue();
        assertThat(result.e164()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "12345|INVALID", "abc|INVALID", "+1 555 000|INVALID", "<b>205</b>|INVALID",
            "+44 20 7946 0958|COUNTRY_NOT_ALLOWED", "+33 1 23 45 67 89|COUNTRY_NOT_ALLOWED"})
    @DisplayName("invalid numbers and other countries are refused with their reason")
    void refuses(String typed, Problem problem) {
        assertThat(PhoneNumbers.normalize(typed, "US", US).problem()).isEqualTo(problem);
    }

    @Test
    @DisplayName("empty and over-long input are refused before parsing")
    void emptyAndLong() {
        assertThat(PhoneNumbers.normalize(" ", "US", US).problem()).isEqualTo(Problem.EMPTY);
        assertThat(PhoneNumbers.normalize("2".repeat(10_000), "US", US).problem()).isEqualTo(Problem.TOO_LONG);
    }

    @Test
    @DisplayName("another country is accepted once its calling code is allowed")
    void otherCountryAllowed() {
        assertThat(PhoneNumbers.normalize("+44 20 7946 0958", "US", Set.of(1, 44)).e164()).isEqualTo("+442079460958");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "  ", "x", "+"})
    @DisplayName("an empty or unreadable list of calling codes means +1")
    void defaultCodes(String configured) {
        assertThat(PhoneNumbers.parseCallingCodes(configured)).containsExactly(1);
    }

    @Test
    @DisplayName("calling codes are read with or without plus")
    void readsCodes() {
        assertThat(PhoneNumbers.parseCallingCodes("+1, 44 ##52")).containsExactlyInAnyOrder(1, 44, 52);
    }
}
