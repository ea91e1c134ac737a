package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.StoredPasswords;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/**
 * The minimum password age, and the promise that a cheap refusal computes no password hash.
 *
 * <p>The proof uses a trapped history: a former password of the officer names a hash algorithm that does not
 * exist. Keycloak's {@code passwordHistory} check looks the algorithm up and calls it without a null check, so
 * the moment it runs, the request fails with a NullPointerException instead of showing a refusal. A refusal that
 * shows its own message therefore proves the history check (the only hashing step before the new password is
 * stored) never ran. The control test shows the trap springs when the history check is reached.
 */
@AlaCopKeycloak
@DisplayName("Minimum password age and cheap refusals")
class MinimumPasswordAgeIT {

    private static final String TRAP_ALGORITHM = "alacop-trap-no-such-hash";

    @Test
    @DisplayName("within 24 hours of a change, kc_action=UPDATE_PASSWORD is refused with the time, and no hash runs")
    void refusedWithinMinimumAgeWithoutHashing(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = trappedOfficer(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).signIn(officer.password());

        browser.open(application.loginUrl("UPDATE_PASSWORD"));
        UpdatePasswordPage page = new UpdatePasswordPage(browser, "update-password-aia");
        int historyTracesBefore = historyTraces(admin);
        UpdatePasswordPage refused = page.refused("Fresh#Password2027x", "min-age-refused");

        assertThat(refused.formText()).containsPattern(
                "You can change your password again after \\d{1,2}:\\d{2} [AP]M on [A-Z][a-z]{2} \\d{1,2}\\.");
        assertThat(historyTraces(admin)).as("history-check failures in the server log").isEqualTo(historyTracesBefore);
    }

    @Test
    @DisplayName("a too-short password is refused by its own rule before the history check runs")
    void shapeRulesBeforeHistory(RealmAdmin admin) {
        TestUser officer = trappedOfficer(admin);
        // An administrator's reset: the minimum age does not apply, so only the rule order keeps the trap shut.
        String body = given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", "Short#1a", "temporary", false))
                .put(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/" + officer.id()
                        + "/reset-password")
                .then().statusCode(400).extract().asString();
        assertThat(body).contains("invalidPasswordMinLengthMessage");
    }

    @Test
    @DisplayName("control: the trap springs when the history check is reached (so the tests above can fail)")
    void trapSpringsWhenHistoryRuns(RealmAdmin admin) {
        TestUser officer = trappedOfficer(admin);
        assertThat(resetPassword(admin, officer.id(), "Valid#Password2027x"))
                .as("a history check over the trapped entry cannot succeed").isGreaterThanOrEqualTo(500);
    }

    @Test
    @DisplayName("an administrator may reset a password changed minutes ago")
    void administratorIsExempt(RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Lois", "Lane").create(admin);
        assertThat(resetPassword(admin, officer.id(), "Daily#Planet2027x")).isEqualTo(204);
    }

    private static int historyTraces(RealmAdmin admin) {
        return admin.server().logText().split("HistoryPasswordPolicyProvider", -1).length - 1;
    }

    /**
     * An officer whose password history holds one trapped entry: a former password stored with a hash algorithm
     * that does not exist. The partial import (the admin route that stores a hashed credential as given) sets
     * that password; an administrator's reset then moves it into the history, as Keycloak does with every replaced
     * password, and sets {@code password}, created now.
     */
    private static TestUser trappedOfficer(RealmAdmin admin) {
        String password = "Trap#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1!";
        TestUser trapped = TestUsers.officer("Trapped", "History").withUsernamePrefix("trap").toEnroll()
                .withStoredPassword(StoredPasswords.randomHash(TRAP_ALGORITHM, 1, Instant.now().minus(Duration.ofDays(30))))
                .create(admin);
        assertThat(resetPassword(admin, trapped.id(), password)).as("reset over a trapped current password")
                .isEqualTo(204);
        return new TestUser(trapped.id(), trapped.username(), password);
    }

    private static int resetPassword(RealmAdmin admin, String userId, String password) {
        return given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .put(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/" + userId
                        + "/reset-password")
                .then().extract().statusCode();
    }
}
