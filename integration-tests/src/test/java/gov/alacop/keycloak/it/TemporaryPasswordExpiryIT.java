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
import org.keycloak.representations.idm.CredentialRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.Pause;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/**
 * An unused temporary password expires 72 hours (the shipped setting) after it was issued. Waiting is not an option
 * in a test, so the officer is imported with a temporary password issued in the past: the mark the API writes (the
 * credential's user label), a creation time 72 hours or more ago, and the pending UPDATE_PASSWORD.
 */
@AlaCopKeycloak
@DisplayName("Expiry of an unused temporary password")
class TemporaryPasswordExpiryIT {

    static final String TEMPORARY_LABEL = "AlaCOP temporary password";
    private static final String WRONG = "Your account or password is incorrect.";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    @DisplayName("the right but expired password reads exactly like a wrong one, counts as a failure, and is audited")
    void expiredIsRefusedLikeWrong(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = importOfficer(admin, Instant.now().minus(Duration.ofHours(73)));

        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signInRefused(officer.password());
        browser.screenshot("temporary-password-expired");

        assertThat(page.fieldError("password")).hasValueSatisfying(message -> assertThat(message).startsWith(WRONG));
        assertThat(page.alert().orElse("")).doesNotContainIgnoringCase("expired");
        assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                .as("counted by brute-force protection like a wrong password").containsEntry("numFailures", 1);
        String events = given().auth().oauth2(admin.accessToken())
                .get(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/events?user=" + officer.id())
                .then().statusCode(200).extract().asString();
        assertThat(events).contains("temporary_password_expired").doesNotContain(officer.password());
    }

    @Test
    @DisplayName("Keycloak's re-hash at sign-in rebuilds the credential data, and the expired password stays refused")
    void expirySurvivesRehash(Browser browser, TestApplication application, RealmAdmin admin) {
        // Stored as PBKDF2-SHA256 while the realm hashes with Argon2: the first right password re-hashes it.
        TestUser officer = importOfficer(admin, Instant.now().minus(Duration.ofHours(73)));

        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signInRefused(officer.password());
        CredentialRepresentation rehashed = password(admin, officer);
        assertThat(rehashed.getCredentialData()).as("re-hashed").doesNotContain("pbkdf2-sha256")
                .doesNotContain("alacopTemporaryExpiresAt");
        assertThat(rehashed.getUserLabel()).isEqualTo(TEMPORARY_LABEL);

        Pause.millis(1100);
        page = page.signInRefused(officer.password());
        assertThat(page.fieldError("password")).hasValueSatisfying(message -> assertThat(message).startsWith(WRONG));
    }

    @Test
    @DisplayName("a wrong password for that account reads exactly like any wrong password")
    void wrongPasswordRevealsNothing(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = importOfficer(admin, Instant.now().minus(Duration.ofHours(73)));

        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signInRefused("Wrong#Password2027x");

        assertThat(page.fieldError("password")).hasValueSatisfying(message -> assertThat(message).startsWith(WRONG));
    }

    @Test
    @DisplayName("before its expiry the temporary password signs in (to the update page)")
    void notYetExpired(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = importOfficer(admin, Instant.now().minus(Duration.ofHours(71)));

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());

        new UpdatePasswordPage(browser, "update-password");
    }

    static CredentialRepresentation password(RealmAdmin admin, TestUser officer) {
        return admin.realm().users().get(officer.id()).credentials().stream()
                .filter(c -> "password".equals(c.getType())).findFirst().orElseThrow();
    }

    /** An officer whose temporary password was issued at {@code issued}, as the API marks it. */
    private static TestUser importOfficer(RealmAdmin admin, Instant issued) {
        String password = "New$Alacop#j" + (1000 + RANDOM.nextInt(9000)) + "h";
        Instant expiresAt = issued.plus(Duration.ofHours(72));
        return TestUsers.officer("Hal", "Jordan").withUsernamePrefix("tmp").toEnroll().withPassword(password)
                .withPasswordSetAt(issued).withPasswordLabel(TEMPORARY_LABEL)
                .withPasswordParameters(Map.of("alacopTemporaryExpiresAt",
                        List.of(Long.toString(expiresAt.getEpochSecond()))))
                .withRequiredActions("UPDATE_PASSWORD").create(admin);
    }
}
