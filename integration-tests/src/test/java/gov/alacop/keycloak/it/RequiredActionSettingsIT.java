package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.response.ValidatableResponse;

import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;

/**
 * An administrator's save of our required actions' settings (Admin console → Authentication → Required actions →
 * settings, i.e. {@code PUT .../authentication/required-actions/{alias}/config}) refuses what sign-in would
 * otherwise ignore: 400 with a sentence naming the entry, and the stored settings stay as they were.
 */
@AlaCopKeycloak
@DisplayName("Required-action settings are checked when an administrator saves them")
class RequiredActionSettingsIT {

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            alacop-mfa-enrollment           | rollout               | AL0020000@2026-13-01 | 'AL0020000@2026-13-01' cannot be read
            alacop-mfa-enrollment           | rollout               | AL002                | 'AL002' cannot be read
            alacop-mfa-enrollment           | allowedMethods        | app,sms              | 'sms' is not a method
            alacop-phone-setup              | allowedCallingCodes   | 1;44                 | '1;44' is not a country calling code
            alacop-phone-setup              | allowedCallingCodes   | 1,999                | '999' is not a country calling code
            alacop-phone-setup              | allowedRegions        | US,UK                | 'UK' is not an ISO region
            alacop-security-questions-setup | questions             | q01##q02##q03        | at least 5 different questions
            alacop-security-questions-setup | questions             | q01##first pet       | 'first pet' is not a question id
            alacop-stay-signed-in           | onlyAfterSecondFactor | maybe                | use true or false
            """)
    void refused(String action, String setting, String value, String message, RealmAdmin admin, KeycloakServer server) {
        Map<String, String> before = stored(admin, server, action);

        String body = save(admin, server, action, Map.of(setting, value)).statusCode(400).extract().asString();

        assertThat(body).contains(message).doesNotContain("Exception");
        assertThat(stored(admin, server, action)).as("nothing saved").isEqualTo(before);
    }

    private static ValidatableResponse save(RealmAdmin admin, KeycloakServer server, String action,
            Map<String, String> config) {
        return given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("config", config))
                .put(configUrl(server, action))
                .then();
    }

    private static Map<String, String> stored(RealmAdmin admin, KeycloakServer server, String action) {
        return given().auth().oauth2(admin.accessToken()).get(configUrl(server, action))
                .then().statusCode(200).extract().jsonPath().getMap("config", String.class, String.class);
    }

    private static String configUrl(KeycloakServer server, String action) {
        return server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/authentication/required-actions/"
                + action + "/config";
    }
}
