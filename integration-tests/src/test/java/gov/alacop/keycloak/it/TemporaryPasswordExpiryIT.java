package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

/**
 * An unused temporary password expires. Waiting 72 hours (or the 1-hour minimum) is not an option in a test, so
 * the officer is imported with a temporary password whose recorded expiry is already past: the same credential
 * data the API writes, with the clock moved instead of the test waiting.
 */
@AlaCopKeycloak
@DisplayName("Expiry of an unused temporary password")
class TemporaryPasswordExpiryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    @DisplayName("the right but expired temporary password is refused with the help-desk message and an event")
    void expiredIsRefused(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = importOfficer(admin, Instant.now().minus(Duration.ofMinutes(5)));

        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signInRefused(officer.password());
        browser.screenshot("temporary-password-expired");

        assertThat(page.fieldError("password")).hasValueSatisfying(message -> assertThat(message)
                .isEqualTo("Your temporary password has expired. Contact your help desk to have a new one issued."));
        assertThat(page.supportContact()).contains("1-844-838-9028");
        String events = given().auth().oauth2(admin.accessToken())
                .get(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/events?user=" + officer.id())
                .then().statusCode(200).extract().asString();
        assertThat(events).contains("temporary_password_expired").doesNotContain(officer.password());
    }

    @Test
    @DisplayName("a wrong password for that account reads exactly like any wrong password")
    void wrongPasswordRevealsNothing(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = importOfficer(admin, Instant.now().minus(Duration.ofMinutes(5)));

        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signInRefused("Wrong#Password2027x");

        assertThat(page.fieldError("password")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Your account or password is incorrect."));
    }

    @Test
    @DisplayName("before its expiry the temporary password signs in (to the update page)")
    void notYetExpired(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = importOfficer(admin, Instant.now().plus(Duration.ofHours(1)));

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());

        new gov.alacop.keycloak.it.pages.UpdatePasswordPage(browser, "update-password");
    }

    private static TestUser importOfficer(RealmAdmin admin, Instant expiresAt) {
        String username = "tmp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "New$Alacop#h" + (1000 + RANDOM.nextInt(9000)) + "a";
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Map<String, Object> credential;
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 27_500, 256)).getEncoded();
            credential = Map.of("type", "password", "createdDate", Instant.now().minus(Duration.ofDays(4)).toEpochMilli(),
                    "secretData", JSON.writeValueAsString(Map.of("value", Base64.getEncoder().encodeToString(hash),
                            "salt", Base64.getEncoder().encodeToString(salt), "additionalParameters", Map.of())),
                    "credentialData", JSON.writeValueAsString(Map.of("hashIterations", 27_500,
                            "algorithm", "pbkdf2-sha256", "additionalParameters",
                            Map.of("alacopTemporaryExpiresAt", List.of(Long.toString(expiresAt.getEpochSecond()))))));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> user = Map.of("username", username, "firstName", "Hal", "lastName", "Jordan",
                "email", username + "@example.org", "emailVerified", true, "enabled", true,
                "attributes", Map.of("ori", List.of("AL0010000")), "credentials", List.of(credential),
                "requiredActions", List.of("UPDATE_PASSWORD"));
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("ifResourceExists", "FAIL", "users", List.of(user)))
                .post(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/partialImport")
                .then().statusCode(200);
        String id = admin.realm().users().searchByUsername(username, true).get(0).getId();
        return new TestUser(id, username, password);
    }
}
