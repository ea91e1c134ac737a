package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.StoredPasswords;
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
        String password = "New$Alacop#h" + (1000 + RANDOM.nextInt(9000)) + "a";
        return StoredPasswords.importOfficer(admin, "tmp", password, Instant.now().minus(Duration.ofDays(4)),
                Map.of("alacopTemporaryExpiresAt", List.of(Long.toString(expiresAt.getEpochSecond()))),
                List.of("UPDATE_PASSWORD"));
    }
}
