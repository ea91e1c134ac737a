package gov.alacop.keycloak.it.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.EnrollmentPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.FormSignIn;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Admin REST: MFA rollout report and help-desk reset of security methods")
class SecurityMethodsAdminIT {

    static final SecureRandom RANDOM = new SecureRandom();

    @Test
    @DisplayName("the rollout report counts the users of an ORI by methods and skips, with its enforcement date")
    void rolloutReport(RealmAdmin admin, KeycloakServer server) {
        String ori = freshOri();
        officerOf(ori).create(admin);
        officerOf(ori).withEnrollmentSkippedAt(System.currentTimeMillis() - 3_600_000L).create(admin);
        officerOf(ori).withEnrollmentSkippedAt(System.currentTimeMillis() - 48 * 3_600_000L).create(admin);
        officerOf(ori).withPhone(PHONE, "text").create(admin);
        officerOf(ori).withPhone(PHONE, "text").withTotp().create(admin);
        officerOf(ori).withTotp().withPhone(PHONE, "text").create(admin);
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        try {
            configureRollout(admin, server, ori + "@2026-01-15");
            JsonPath report = given().auth().oauth2(admin.accessToken())
                    .get(alacopUrl(admin, server) + "/mfa/rollout").then().statusCode(200).extract().jsonPath();
            Map<String, Object> row = report.getMap("agencies." + ori);
            assertThat(row).containsEntry("users", 6).containsEntry("methods0", 3).containsEntry("methods1", 1)
                    .containsEntry("methods2OrMore", 2).containsEntry("skippedNow", 1)
                    .containsEntry("enforcedSince", "2026-01-15");
        } finally {
            EnrollmentIT.restoreShipped(admin, server);
        }
    }

    @Test
    @DisplayName("the help desk removes a user's methods: app, phone and questions go, the password stays; admin event")
    void reset(RealmAdmin admin, KeycloakServer server) {
        String id = officerOf(freshOri()).withPhone(PHONE, "text").withTotp().create(admin).id();
        JsonPath result = given().auth().oauth2(admin.accessToken())
                .delete(alacopUrl(admin, server) + "/users/" + id + "/security-methods")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("removed")).containsExactly("alacop-phone", "otp");
        assertThat(admin.realm().users().get(id).credentials()).extracting(CredentialRepresentation::getType)
                .containsExactly("password");
        List<AdminEventRepresentation> events = admin.realm().getAdminEvents(List.of("ACTION"), null, null, null, null,
                "*" + id + "/security-methods", null, null, 0, 10);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).getRepresentation()).contains("removedSecurityMethods").doesNotContain("+1205");

        given().auth().oauth2(admin.accessToken())
                .delete(alacopUrl(admin, server) + "/users/no-such-user/security-methods").then().statusCode(404);
    }

    @Test
    @DisplayName("the help-desk reset ends the officer's sessions")
    void resetEndsSessions(Browser browser,
                           TestApplication application, RealmAdmin admin,
                           KeycloakServer server) {
        TestUser officer = TestUsers.officer("Bruce", "Wayne").create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signIn(officer.password());
        assertThat(admin.realm().users().get(officer.id()).getUserSessions()).isNotEmpty();

        JsonPath answer = given().auth().oauth2(admin.accessToken())
                .delete(alacopUrl(admin, server) + "/users/" + officer.id() + "/security-methods")
                .then().statusCode(200).extract().jsonPath();

        assertThat(admin.realm().users().get(officer.id()).getUserSessions()).as("sessions ended").isEmpty();
        assertThat(answer.getBoolean("sessionsEnded")).isTrue();
    }

    @Test
    @DisplayName("the help-desk reset revokes the officer's offline tokens")
    void resetRevokesOfflineTokens(TestApplication application, RealmAdmin admin,
                                   KeycloakServer server) {
        TestUser officer = TestUsers.officer("Bruce", "Wayne").create(admin);
        String tokens = FormSignIn.signInForTokens(server, "lets",
                application.baseUrl() + "/callback", "openid offline_access", officer.upn(), officer.password());
        String refresh = JsonPath.from(tokens).getString("refresh_token");
        String claims = new String(Base64.getUrlDecoder().decode(refresh.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).as("an offline token").contains("\"typ\":\"Offline\"");

        given().auth().oauth2(admin.accessToken())
                .delete(alacopUrl(admin, server) + "/users/" + officer.id() + "/security-methods")
                .then().statusCode(200);

        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").formParam("client_id", "lets")
                .formParam("refresh_token", refresh)
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", Matchers.equalTo("invalid_grant"));
    }

    @Test
    @DisplayName("the help-desk reset can issue a fresh temporary password in the same call (digits never returned)")
    void resetWithTemporaryPassword(Browser browser,
                                    TestApplication application, RealmAdmin admin,
                                    KeycloakServer server) {
        String id = officerOf(freshOri()).withPhone(PHONE, "text").withTotp().create(admin).id();
        String digits = String.format("%04d", 1000 + RANDOM.nextInt(9000));
        String answer = given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body("{\"ssnLast4\":\"" + digits + "\"}")
                .delete(alacopUrl(admin, server) + "/users/" + id + "/security-methods")
                .then().statusCode(200).extract().asString();
        assertThat(answer).contains("temporaryPasswordExpiresAt").doesNotContain(digits);
        assertThat(admin.realm().users().get(id).toRepresentation().getRequiredActions())
                .containsExactly("UPDATE_PASSWORD");
        assertThat(admin.realm().users().get(id).credentials()).extracting(CredentialRepresentation::getType)
                .as("methods gone; the officer's own former password is in the history")
                .containsExactly("password", "password-history");

        String username = admin.realm().users().get(id).toRepresentation().getUsername();
        ApplicationPage.startSignIn(browser, application).next(username)
                .enter("New$Alacop#w" + digits + "b");
        new UpdatePasswordPage(browser, "update-after-help-desk-reset");

        given().auth().oauth2(admin.accessToken()).contentType("application/json").body("{\"ssnLast4\":\"12a4\"}")
                .delete(alacopUrl(admin, server) + "/users/" + id + "/security-methods")
                .then().statusCode(400).body("error", Matchers.equalTo("invalid_ssn_last4"));
    }

    @Test
    @DisplayName("after the help-desk reset the officer is asked to set up two methods at the next sign-in")
    void reEnrollsAfterReset(Browser browser,
                             TestApplication application, RealmAdmin admin,
                             KeycloakServer server) {
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        try {
            String id = officerOf(EnrollmentIT.OPEN_ORI).withPhone(PHONE, "text").withTotp().create(admin).id();
            given().auth().oauth2(admin.accessToken())
                    .delete(alacopUrl(admin, server) + "/users/" + id + "/security-methods").then().statusCode(200);
            String password = "Patrol#Reset2027Aa1!";
            CredentialRepresentation secret = new CredentialRepresentation();
            secret.setType(CredentialRepresentation.PASSWORD);
            secret.setValue(password);
            secret.setTemporary(false);
            admin.realm().users().get(id).resetPassword(secret);
            String username = admin.realm().users().get(id).toRepresentation().getUsername();
            ApplicationPage.startSignIn(browser, application).next(username).enter(password);
            EnrollmentPage wizard = new EnrollmentPage(browser);
            assertThat(wizard.progress()).isEqualTo("Method 0 of 2 set up");
        } finally {
            EnrollmentIT.restoreShipped(admin, server);
        }
    }

    @Test
    @DisplayName("without view-users the report is forbidden; without manage-users the reset is forbidden (403)")
    void forbidden(RealmAdmin admin, KeycloakServer server) {
        String target = officerOf(freshOri()).withPhone(PHONE, "text").withTotp().create(admin).id();
        String nobody = tokenWithRoles(admin, List.of());
        String viewer = tokenWithRoles(admin, List.of("view-users"));
        given().auth().oauth2(nobody).get(alacopUrl(admin, server) + "/mfa/rollout").then().statusCode(403);
        given().auth().oauth2(viewer).get(alacopUrl(admin, server) + "/mfa/rollout").then().statusCode(200);
        given().auth().oauth2(viewer).delete(alacopUrl(admin, server) + "/users/" + target + "/security-methods")
                .then().statusCode(403);
        assertThat(admin.realm().users().get(target).credentials()).hasSize(3);
    }

    // --- helpers ---

    static String freshOri() {
        StringBuilder ori = new StringBuilder("AL");
        for (int i = 0; i < 7; i++) {
            ori.append("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".charAt(RANDOM.nextInt(34)));
        }
        return ori.toString();
    }

    static String alacopUrl(RealmAdmin admin, KeycloakServer server) {
        return server.baseUrl() + "/admin/realms/" + admin.realm().toRepresentation().getRealm() + "/alacop";
    }

    static void configureRollout(RealmAdmin admin, KeycloakServer server, String rollout) {
        given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("config", Map.of("allowedMethods", EnrollmentIT.ALL_METHODS, "rollout", rollout)))
                .put(server.baseUrl() + "/admin/realms/" + admin.realm().toRepresentation().getRealm()
                        + "/authentication/required-actions/" + EnrollmentIT.ACTION + "/config")
                .then().statusCode(204);
    }

    /** The number of the phone {@code officerOf(..).withPhone(PHONE, "text")} gives an officer. */
    static final String PHONE = "+12055550199";

    /** Bruce Wayne of this agency, who never skipped the enrollment wizard; the caller adds his methods. */
    static TestUsers.Builder officerOf(String ori) {
        return TestUsers.officer("Bruce", "Wayne").withOri(ori).toEnroll().withEmailVerified(false);
    }

    static String tokenWithRoles(RealmAdmin admin, List<String> roles) {
        TestUser staff = TestUsers.officer("Help", "Desk").create(admin);
        String realmManagement = admin.realm().clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> granted = roles.stream()
                .map(r -> admin.realm().clients().get(realmManagement).roles().get(r).toRepresentation()).toList();
        if (!granted.isEmpty()) {
            admin.realm().users().get(staff.id()).roles().clientLevel(realmManagement).add(granted);
        }
        return admin.passwordGrantToken(staff);
    }
}
