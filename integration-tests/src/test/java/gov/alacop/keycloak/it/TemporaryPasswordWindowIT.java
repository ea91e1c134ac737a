package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

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
 * The window between issuing a temporary password (10<sup>4</sup> candidates for a known name) and the officer's
 * first change of it: a stricter lockout, no hash of it left in the password history, the pattern refused as a new
 * password, the issuer's warning about usernames that give the digits away, and bulk re-runs that leave active
 * officers alone.
 */
@AlaCopKeycloak
@DisplayName("The temporary-password window")
class TemporaryPasswordWindowIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NEW_PASSWORD = "Justice#League2027";

    @Test
    @DisplayName("3 wrong passwords while it is pending lock the account (the right one then reads as wrong); the "
            + "event says so; a re-issue lifts the lock")
    void lockoutAfterThreeWrong(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
        String digits = digits();
        String temporary = issue(admin, officer, digits);

        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        String wrongMessage = null;
        for (int i = 1; i <= 3; i++) {
            Pause.millis(1100);
            page = page.signInRefused("New$Alacop#k" + otherThan(digits) + "c");
            wrongMessage = page.fieldError("password").orElseThrow();
        }
        Pause.millis(1100);
        page = page.signInRefused(temporary);
        assertThat(page.fieldError("password")).hasValue(wrongMessage);

        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        assertThat(user.isEnabled()).as("locked until the help desk acts").isFalse();
        assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id())).containsEntry("disabled", true);
        List<EventRepresentation> events = admin.realm().getEvents(List.of("LOGIN_ERROR"), null, officer.id(), null,
                null, null, 0, 100);
        assertThat(events).anySatisfy(event -> assertThat(event.getError()).isEqualTo("temporary_password_locked"));
        assertThat(events.toString()).doesNotContain(temporary);

        String again = issue(admin, officer, digits());
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(again);
        new UpdatePasswordPage(browser, "update-after-reissue");
    }

    @Test
    @DisplayName("the administrator's unlock (enabling the user, as for Keycloak's permanent lockout) lifts it too")
    void adminUnlock(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
        String temporary = issue(admin, officer, digits());
        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        for (int i = 1; i <= 3; i++) {
            Pause.millis(1100);
            page = page.signInRefused("Wrong#Password-" + i);
        }
        assertThat(admin.realm().users().get(officer.id()).toRepresentation().isEnabled()).isFalse();

        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setEnabled(true);
        admin.realm().users().get(officer.id()).update(user);

        Pause.millis(1100);
        page.back().next(officer.upn()).enter(temporary);
        new UpdatePasswordPage(browser, "update-after-unlock");
    }

    @Test
    @DisplayName("an officer with a password of their own is not locked by the stricter rule")
    void activeOfficerKeepsRealmLockout(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Lois", "Lane").create(admin);
        PasswordPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        for (int i = 1; i <= 3; i++) {
            Pause.millis(1100);
            page = page.signInRefused("Wrong#Password-" + i);
        }
        Pause.millis(1100);
        page.signIn(officer.password());
        assertThat(admin.realm().users().get(officer.id()).toRepresentation().isEnabled()).isTrue();
    }

    @Test
    @DisplayName("at the first change the temporary password's hash is not kept in the history, and a password of "
            + "the pattern's shape is refused")
    void noHistoryOfTheTemporaryPassword(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
        issue(admin, officer, digits());
        String temporary = issue(admin, officer, digits());
        assertThat(history(admin, officer)).as("a re-issue keeps no hash of the replaced temporary password")
                .hasSize(1);
        CredentialRepresentation issued = TemporaryPasswordExpiryIT.password(admin, officer);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(temporary);
        UpdatePasswordPage page = new UpdatePasswordPage(browser, "update-temporary");
        page = page.refused(temporary, "New$Alacop#z1234q", "New$Alacop#z1234q", "pattern-refused");
        assertThat(page.fieldError("password-new")).hasValueSatisfying(message -> assertThat(message)
                .contains("temporary password"));
        page.accepted(temporary, NEW_PASSWORD);

        List<CredentialRepresentation> history = history(admin, officer);
        assertThat(history).as("only the officer's own former password").hasSize(1);
        assertThat(history).noneSatisfy(entry -> assertThat(entry.getCreatedDate()).isEqualTo(issued.getCreatedDate()));
        assertThat(history).noneSatisfy(entry -> assertThat(entry.getUserLabel())
                .isEqualTo(TemporaryPasswordExpiryIT.TEMPORARY_LABEL));
    }

    @Test
    @DisplayName("the issuer warns when the username holds the four digits, and a setting refuses such rows")
    void usernameWithTheDigits(RealmAdmin admin) {
        String digits = digits();
        TestUser officer = TestUsers.officer("Clark", "Kent")
                .withUsername("ck" + digits + "x" + UUID.randomUUID().toString().substring(0, 4))
                .withoutPassword().toEnroll().withEmailVerified(false).create(admin);
        JsonPath answer = issueRequest(admin, officer.id(), "{\"ssnLast4\":\"" + digits + "\"}").statusCode(200)
                .extract().jsonPath();
        assertThat(answer.getList("warnings")).containsExactly("username_contains_ssn_digits");
        assertThat(answer.getString("temporaryPasswordExpiresAt")).isNotBlank();
        String plain = issueRequest(admin, officer.id(), "{\"ssnLast4\":\"" + otherThan(digits) + "\"}")
                .statusCode(200).extract().asString();
        assertThat(plain).contains("\"warnings\":[]");

        withSetting(admin, "refuseUsernameWithSsnDigits", "true", () -> {
            issueRequest(admin, officer.id(), "{\"ssnLast4\":\"" + digits + "\"}").statusCode(400)
                    .body("error", Matchers.equalTo("username_contains_ssn_digits"));
            String fresh = "ck" + digits + "y" + UUID.randomUUID().toString().substring(0, 4);
            JsonPath rows = bulk(admin, "[" + row(fresh, digits, null) + "]").statusCode(200).extract().jsonPath();
            assertThat(rows.getString("results[0].status")).isEqualTo("error");
            assertThat(rows.getString("results[0].error")).isEqualTo("username_contains_ssn_digits");
            assertThat(admin.realm().users().searchByUsername(fresh, true)).isEmpty();
        });
    }

    @Test
    @DisplayName("a bulk re-run re-issues only pending officers (or on request, ending sessions) and reports each row")
    void bulkRerun(Browser browser, TestApplication application, RealmAdmin admin) {
        String pendingName = "pd" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        bulk(admin, "[" + row(pendingName, digits(), null) + "]").statusCode(200)
                .body("results[0].status", Matchers.equalTo("created"));
        TestUser active = TestUsers.officer("Clark", "Kent").create(admin);
        TestUser renamed = TestUsers.officer("Clark", "Kent").create(admin);
        TestUser forced = TestUsers.officer("Clark", "Kent").create(admin);
        ApplicationPage.startSignIn(browser, application).next(forced.upn()).signIn(forced.password());
        assertThat(admin.realm().users().get(forced.id()).getUserSessions()).isNotEmpty();
        Long activeSet = TemporaryPasswordExpiryIT.password(admin, active).getCreatedDate();

        String body = "[" + row(pendingName, digits(), null) + "," + row(active.username(), digits(), null) + ","
                + row(renamed.username(), digits(), null).replace("\"Kent\"", "\"Kent-Lane\"") + ","
                + row(forced.username(), digits(), true) + "]";
        JsonPath results = bulk(admin, body).statusCode(200).extract().jsonPath();

        assertThat(results.getList("results.status")).containsExactly("reissued", "skipped_active", "updated",
                "reissued");
        assertThat(TemporaryPasswordExpiryIT.password(admin, active).getCreatedDate()).as("password untouched")
                .isEqualTo(activeSet);
        assertThat(admin.realm().users().get(active.id()).toRepresentation().getRequiredActions()).isEmpty();
        UserRepresentation renamedUser = admin.realm().users().get(renamed.id()).toRepresentation();
        assertThat(renamedUser.getLastName()).isEqualTo("Kent-Lane");
        assertThat(renamedUser.getRequiredActions()).isEmpty();
        assertThat(admin.realm().users().get(forced.id()).toRepresentation().getRequiredActions())
                .containsExactly("UPDATE_PASSWORD");
        assertThat(admin.realm().users().get(forced.id()).getUserSessions()).as("sessions ended").isEmpty();
    }

    // --- helpers ---

    /** Issues Clark Kent's temporary password through the API and returns it. */
    static String issue(RealmAdmin admin, TestUser officer, String digits) {
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body("{\"ssnLast4\":\"" + digits + "\"}")
                .post(api(admin) + "/users/" + officer.id() + "/temporary-password").then()
                .statusCode(Matchers.anyOf(Matchers.is(200), Matchers.is(204)));
        return "New$Alacop#k" + digits + "c";
    }

    private static ValidatableResponse issueRequest(RealmAdmin admin, String userId, String body) {
        return given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body(body)
                .post(api(admin) + "/users/" + userId + "/temporary-password").then();
    }

    private static ValidatableResponse bulk(RealmAdmin admin, String body) {
        return given().auth().oauth2(admin.accessToken()).contentType("application/json; charset=utf-8").body(body)
                .post(api(admin) + "/temporary-passwords").then();
    }

    private static String row(String username, String digits, Boolean reissue) {
        return "{\"username\":\"" + username + "\",\"firstName\":\"Clark\",\"lastName\":\"Kent\",\"email\":\""
                + username + "@example.org\",\"ori\":\"AL0010000\",\"ssnLast4\":\"" + digits + "\""
                + (reissue == null ? "" : ",\"reissue\":" + reissue) + "}";
    }

    private static List<CredentialRepresentation> history(RealmAdmin admin, TestUser officer) {
        return admin.realm().users().get(officer.id()).credentials().stream()
                .filter(c -> "password-history".equals(c.getType())).toList();
    }

    static void withSetting(RealmAdmin admin, String key, String value, Runnable body) {
        var executions = admin.realm().flows().getExecutions("alacop browser forms");
        var password = executions.stream().filter(e -> "alacop-password".equals(e.getProviderId())).findFirst()
                .orElseThrow();
        var config = admin.realm().flows().getAuthenticatorConfig(password.getAuthenticationConfig());
        Map<String, String> shipped = new HashMap<>(config.getConfig());
        try {
            config.getConfig().put(key, value);
            admin.realm().flows().updateAuthenticatorConfig(config.getId(), config);
            body.run();
        } finally {
            config.setConfig(shipped);
            admin.realm().flows().updateAuthenticatorConfig(config.getId(), config);
        }
    }

    private static String api(RealmAdmin admin) {
        return admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/alacop";
    }

    static String digits() {
        return String.format("%04d", 1000 + RANDOM.nextInt(9000));
    }

    private static String otherThan(String digits) {
        String other = digits();
        return other.equals(digits) ? otherThan(digits) : other;
    }
}
