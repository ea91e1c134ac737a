package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.DatabaseText;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Temporary passwords through /admin/realms/alacop/alacop")
class TemporaryPasswordApiIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    @DisplayName("an administrator issues Clark's temporary password; he signs in with it and must update it")
    void issueAndSignIn(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);

        issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":\"4321\"}").statusCode(200);

        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        assertThat(user.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        UpdatePasswordPage update = signInExpectingUpdate(browser, application, officer.upn(), "New$Alacop#k4321c");
        assertThat(update.title()).isNotBlank();
    }

    @Test
    @DisplayName("the help desk can reset to the same temporary password again (it is also the old password)")
    void reissueSamePattern(RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Diana", "Prince").withOri("AL0020000").create(admin);
        issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":\"0101\"}").statusCode(200);
        issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":\"0101\"}").statusCode(200);
    }

    @Test
    @DisplayName("prefix and expiry come from the AlaCOP password step's settings in the admin console")
    void settingsFromTheFlow(RealmAdmin admin) {
        var executions = admin.realm().flows().getExecutions("alacop browser forms");
        var password = executions.stream().filter(e -> "alacop-password".equals(e.getProviderId())).findFirst().orElseThrow();
        var config = admin.realm().flows().getAuthenticatorConfig(password.getAuthenticationConfig());
        Map<String, String> shipped = new HashMap<>(config.getConfig());
        assertThat(shipped).containsEntry("temporaryPasswordPrefix", "New$Alacop#")
                .containsEntry("temporaryPasswordExpiryHours", "72");
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
        try {
            config.getConfig().put("temporaryPasswordPrefix", "Temp!Alacop#");
            config.getConfig().put("temporaryPasswordExpiryHours", "1");
            admin.realm().flows().updateAuthenticatorConfig(config.getId(), config);

            issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":\"4321\"}").statusCode(200);
        } finally {
            config.setConfig(shipped);
            admin.realm().flows().updateAuthenticatorConfig(config.getId(), config);
        }
        // The password grant checks the password before it notices the required action (the shipped realm refuses
        // the grant to everyone; the test-only client keeps Keycloak's own password check).
        String error = admin.passwordGrant(officer.username(), "Temp!Alacop#k4321c")
                .then().statusCode(400).extract().path("error_description");
        assertThat(error).isEqualTo("Account is not fully set up");
        String credentials = get(admin, admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/"
                + officer.id() + "/credentials");
        long expiresAt = Long.parseLong(credentials.replaceAll("(?s).*alacopTemporaryExpiresAt\\\\\":\\[\\\\\"(\\d+).*", "$1"));
        assertThat(expiresAt - Instant.now().getEpochSecond()).isBetween(3_300L, 3_600L);
    }

    @Nested
    @DisplayName("refuses bad input with a clear 400 (an unknown user: 404)")
    class BadInput {

        @ParameterizedTest(name = "ssnLast4 {0}")
        @ValueSource(strings = {"\"0000\"", "\"123\"", "\"12345\"", "\"12a4\"", "\"١٢٣٤\"", "1234", "null"})
        void badDigits(String value, RealmAdmin admin) {
            TestUser officer = TestUsers.officer("Bruce", "Wayne").withOri("AL0020000").create(admin);
            String body = issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":" + value + "}")
                    .statusCode(400).extract().asString();
            assertThat(body).contains("ssnLast4");
            assertThat(admin.realm().users().get(officer.id()).toRepresentation().getRequiredActions())
                    .as("nothing changed").isEmpty();
        }

        @ParameterizedTest(name = "body {0}")
        @ValueSource(strings = {"", "not json", "[]", "{\"ssn\":\"1234\"}"})
        void badBody(String body, RealmAdmin admin) {
            TestUser officer = TestUsers.officer("Bruce", "Wayne").withOri("AL0020000").create(admin);
            issue(admin, admin.accessToken(), officer.id(), body).statusCode(400);
        }

        @Test
        @DisplayName("unknown user: 404, as on every admin endpoint under users/{userId}")
        void unknownUser(RealmAdmin admin) {
            issue(admin, admin.accessToken(), UUID.randomUUID().toString(), "{\"ssnLast4\":\"1234\"}")
                    .statusCode(404).body("error", Matchers.equalTo("unknown_user"));
        }

        @Test
        @DisplayName("a last name that does not begin with a letter")
        void badName(RealmAdmin admin) {
            TestUser officer = TestUsers.officer("Clark", "'Kent").create(admin);
            issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":\"1234\"}")
                    .statusCode(400).body("error", Matchers.equalTo("invalid_last_name"));
        }

        @Test
        @DisplayName("malformed CSV")
        void malformedCsv(RealmAdmin admin) {
            bulk(admin, admin.accessToken(), "text/csv", "u1,Clark,Kent,4321\n").statusCode(400)
                    .body("error", Matchers.equalTo("malformed_csv"));
        }
    }

    @Test
    @DisplayName("without manage-users the calls are forbidden (403)")
    void forbiddenWithoutManageUsers(RealmAdmin admin) {
        TestUser viewer = TestUsers.officer("View", "Only").create(admin);
        String realmManagement = admin.realm().clients().findByClientId("realm-management").get(0).getId();
        RoleRepresentation viewUsers = admin.realm().clients().get(realmManagement).roles().get("view-users").toRepresentation();
        admin.realm().users().get(viewer.id()).roles().clientLevel(realmManagement).add(List.of(viewUsers));
        String token = admin.passwordGrantToken(viewer);
        TestUser target = TestUsers.officer("Clark", "Kent").create(admin);

        issue(admin, token, target.id(), "{\"ssnLast4\":\"4321\"}").statusCode(403);
        bulk(admin, token, "application/json", "[{\"username\":\"x1\",\"firstName\":\"A\",\"lastName\":\"B\","
                + "\"ssnLast4\":\"1234\"}]").statusCode(403);
        assertThat(admin.realm().users().get(target.id()).toRepresentation().getRequiredActions()).isEmpty();
        assertThat(admin.realm().users().searchByUsername("x1", true)).isEmpty();
    }

    @Test
    @DisplayName("bulk JSON: good rows are created or updated (an active officer keeps their password), each bad row is "
            + "reported and changes nothing")
    void bulkMixed(RealmAdmin admin) {
        TestUser existing = TestUsers.officer("Lois", "Lane").create(admin);
        String fresh = unique("nw");
        String badDigits = unique("bd");
        String badOri = unique("bo");
        String badName = unique("bn");
        String body = "["
                + row(fresh, "Seán", "O'Brien", fresh + "@example.org", "AL0010000", "2468") + ","
                + row(existing.username(), "Lois", "Lane-Kent", existing.username() + "@example.org", "AL0020000", "1357") + ","
                + row(badDigits, "Bad", "Digits", null, "AL0010000", "12a4") + ","
                + row(badOri, "Bad", "Ori", null, "not-an-ori", "1234") + ","
                + row(badName, "Bad", "-Name", null, null, "1234")
                + "]";

        JsonPath results = bulk(admin, admin.accessToken(), "application/json", body).statusCode(200).extract().jsonPath();

        assertThat(results.getList("results.status")).containsExactly("created", "updated", "error", "error", "error");
        assertThat(results.getList("results.error")).containsExactly(null, null, "invalid_ssn_last4", "invalid_user",
                "invalid_last_name");
        assertThat(results.getString("results[3].reason")).contains("ori");
        for (String refused : List.of(badDigits, badOri, badName)) {
            assertThat(admin.realm().users().searchByUsername(refused, true)).as(refused).isEmpty();
        }
        UserRepresentation created = admin.realm().users().searchByUsername(fresh, true).get(0);
        assertThat(created.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(created.isEnabled()).isTrue();
        UserRepresentation updated = admin.realm().users().get(existing.id()).toRepresentation();
        assertThat(updated.getLastName()).isEqualTo("Lane-Kent");
        assertThat(updated.getAttributes()).containsEntry("ori", List.of("AL0020000"));
        assertThat(updated.getRequiredActions()).as("an active officer's password is not reset").isEmpty();
    }

    @Test
    @DisplayName("bulk CSV creates officers who can sign in with the pattern password")
    void bulkCsv(Browser browser, TestApplication application, RealmAdmin admin) {
        String username = unique("cs");
        String csv = "username,firstName,lastName,email,ori,ssnLast4\n" + username + ",José,Ñúñez,,AL0010000,0420\n";
        bulk(admin, admin.accessToken(), "text/csv", csv).statusCode(200).body("results[0].status",
                Matchers.equalTo("created"));
        signInExpectingUpdate(browser, application, username + "@alacop.gov", "New$Alacop#ñ0420j");
    }

    @Test
    @DisplayName("the SSN digits are in no response, event, log line or database row")
    void ssnDigitsNeverKept(RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
        String bulkUser = unique("sn");
        String before = normalized(everything(admin));
        String digits = digitsNotIn(before);

        String single = issue(admin, admin.accessToken(), officer.id(), "{\"ssnLast4\":\"" + digits + "\"}")
                .statusCode(200).extract().asString();
        String bulkResponse = bulk(admin, admin.accessToken(), "application/json",
                "[" + row(bulkUser, "Ann", "Lee", null, "AL0010000", digits) + "]").statusCode(200).extract().asString();
        String csvResponse = bulk(admin, admin.accessToken(), "text/csv", "x,Ann,Lee,,,bad" + digits + "\n")
                .extract().asString();
        String badDigitsResponse = issue(admin, admin.accessToken(), officer.id(),
                "{\"ssnLast4\":\"" + digits + "9\"}").statusCode(400).extract().asString();

        assertThat(List.of(single, bulkResponse, csvResponse, badDigitsResponse)).allSatisfy(
                response -> assertThat(normalized(response)).doesNotContain(digits));
        String after = everything(admin);
        assertThat(after).as("admin events were recorded").contains("temporaryPasswordExpiresAt");
        assertThat(normalized(after)).as("server log, events, users and credentials").doesNotContain(digits);
        String database = DatabaseText.dump();
        assertThat(database).as("the dump sees the rows just written").contains(bulkUser);
        assertThat(normalized(database)).as("database").doesNotContain(digits);
    }

    /** Server log, admin and login events, and the admin view of every user with their credentials. */
    private static String everything(RealmAdmin admin) {
        String base = admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        StringBuilder out = new StringBuilder(admin.server().logText());
        out.append(get(admin, base + "/admin-events?max=1000"));
        out.append(get(admin, base + "/events?max=1000"));
        out.append(get(admin, base + "/users?max=1000&briefRepresentation=false"));
        for (UserRepresentation user : admin.realm().users().list(0, 1000)) {
            out.append(get(admin, base + "/users/" + user.getId() + "/credentials"));
        }
        return out.toString();
    }

    private static String get(RealmAdmin admin, String url) {
        return given().auth().oauth2(admin.accessToken()).get(url).then().statusCode(200).extract().asString();
    }

    /** Drops what holds digits by chance (UUIDs, timestamps, ports), so a leaked 4-digit value stands out. */
    private static String normalized(String text) {
        return Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d{5,}")
                .matcher(text).replaceAll("#");
    }

    private static String digitsNotIn(String text) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String digits = String.format("%04d", 1000 + RANDOM.nextInt(9000));
            if (!text.contains(digits)) {
                return digits;
            }
        }
        throw new IllegalStateException("no distinctive digits left");
    }

    private static UpdatePasswordPage signInExpectingUpdate(Browser browser, TestApplication application, String upn,
            String password) {
        ApplicationPage.startSignIn(browser, application).next(upn).enter(password);
        return new UpdatePasswordPage(browser, "update-password-first-sign-in");
    }

    private static ValidatableResponse issue(RealmAdmin admin, String token, String userId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(api(admin) + "/users/" + userId + "/temporary-password").then();
    }

    private static ValidatableResponse bulk(RealmAdmin admin, String token, String contentType, String body) {
        return given().auth().oauth2(token).contentType(contentType + "; charset=utf-8").body(body)
                .post(api(admin) + "/temporary-passwords").then();
    }

    private static String api(RealmAdmin admin) {
        return admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/alacop";
    }

    private static String row(String username, String first, String last, String email, String ori, String digits) {
        return "{\"username\":\"" + username + "\",\"firstName\":\"" + first.replace("\"", "\\\"")
                + "\",\"lastName\":\"" + last + "\",\"email\":" + (email == null ? "null" : "\"" + email + "\"")
                + ",\"ori\":" + (ori == null ? "null" : "\"" + ori + "\"") + ",\"ssnLast4\":\"" + digits + "\"}";
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
