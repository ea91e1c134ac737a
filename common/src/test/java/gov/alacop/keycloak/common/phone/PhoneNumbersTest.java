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
    static final Set<String> US_ONLY = Set.of("US");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "(205) 555-0123|+12055550123", "205.555.0123|+12055550123", "+1 205 555 0123|+12055550123",
            "1-205-555-0123|+12055550123", "  2055550123 |+12055550123"})
    @DisplayName("national and international forms give E.164")
    void normalizes(String typed, String e164) {
        PhoneNumbers.Result result = PhoneNumbers.normalize(typed, "US", US, US_ONLY);
        assertThat(result.valid()).isTrue();
        assertThat(result.e164()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "12345|INVALID", "abc|INVALID", "+1 555 000|INVALID", "<b>205</b>|INVALID",
            "+44 20 7946 0958|COUNTRY_NOT_ALLOWED", "+33 1 23 45 67 89|COUNTRY_NOT_ALLOWED"})
    @DisplayName("invalid numbers and other countries are refused with their reason")
    void refuses(String typed, Problem problem) {
        assertThat(PhoneNumbers.normalize(typed, "US", US, US_ONLY).problem()).isEqualTo(problem);
    }

    @Test
    @DisplayName("empty and over-long input are refused before parsing")
    void emptyAndLong() {
        assertThat(PhoneNumbers.normalize(" ", "US", US, US_ONLY).problem()).isEqualTo(Problem.EMPTY);
        assertThat(PhoneNumbers.normalize("2".repeat(10_000), "US", US, US_ONLY).problem()).isEqualTo(Problem.TOO_LONG);
    }

    @Test
    @DisplayName("another country is accepted once its calling code is allowed")
    void otherCountryAllowed() {
        assertThat(PhoneNumbers.normalize("+44 20 7946 0958", "US", Set.of(1, 44), Set.of("US", "GB")).e164())
                .isEqualTo("+442079460958");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+1 900 212 3456|TYPE_NOT_ALLOWED", "(900) 212-3456|TYPE_NOT_ALLOWED", "+1 800 234 5678|TYPE_NOT_ALLOWED",
            "+1 500 234 5678|TYPE_NOT_ALLOWED", "+1 876 210 1234|REGION_NOT_ALLOWED", "+1 506 234 5678|REGION_NOT_ALLOWED",
            "+1 268 464 1234|REGION_NOT_ALLOWED"})
    @DisplayName("+1 numbers of other countries and toll-fraud-prone types are refused")
    void typeAndRegion(String typed, Problem problem) {
        assertThat(PhoneNumbers.normalize(typed, "US", US, US_ONLY).problem()).isEqualTo(problem);
    }

    @Test
    @DisplayName("a +1 country is accepted once its region is allowed")
    void otherRegionAllowed() {
        assertThat(PhoneNumbers.normalize("+1 506 234 5678", "US", US, PhoneNumbers.parseRegions("us, ca")).e164())
                .isEqualTo("+15062345678");
    }

    @Test
    @DisplayName("regions: empty means US, unknown entries are skipped, none known allows nothing")
    void readsRegions() {
        assertThat(PhoneNumbers.parseRegions(" ")).containsExactly("US");
        assertThat(PhoneNumbers.parseRegions("us, XX")).containsExactly("US");
        assertThat(PhoneNumbers.parseRegions("XX")).isEmpty();
        assertThat(PhoneNumbers.unknownRegions("US, XX, 1")).containsExactly("1", "XX");
        assertThat(PhoneNumbers.regionNames(Set.of("US", "CA"))).isEqualTo("Canada, United States");
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
