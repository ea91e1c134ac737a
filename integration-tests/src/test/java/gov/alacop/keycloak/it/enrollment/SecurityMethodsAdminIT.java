package gov.alacop.keycloak.it.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestUser;

@AlaCopKeycloak
@DisplayName("Admin REST: MFA rollout report and help-desk reset of security methods")
class SecurityMethodsAdminIT {

    static final SecureRandom RANDOM = new SecureRandom();

    @Test
    @DisplayName("the rollout report counts the users of an ORI by methods and skips, with its enforcement date")
    void rolloutReport(RealmAdmin admin, KeycloakServer server) {
        String ori = freshOri();
        createUser(admin, ori, List.of(), null);
        createUser(admin, ori, List.of(), Long.toString(System.currentTimeMillis() - 3_600_000L));
        createUser(admin, ori, List.of(), Long.toString(System.currentTimeMillis() - 48 * 3_600_000L));
        createUser(admin, ori, List.of(phone()), null);
        createUser(admin, ori, List.of(phone(), otp()), null);
        createUser(admin, ori, List.of(otp(), phone()), null);
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
        String id = createUser(admin, freshOri(), List.of(phone(), otp()), null);
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
    void resetEndsSessions(gov.alacop.keycloak.it.support.Browser browser,
                           gov.alacop.keycloak.it.support.TestApplication application, RealmAdmin admin,
                           KeycloakServer server) {
        TestUser officer = admin.createOfficer("Bruce", "Wayne", "AL0010000");
        gov.alacop.keycloak.it.pages.ApplicationPage.startSignIn(browser, application).next(officer.upn())
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
    void resetRevokesOfflineTokens(gov.alacop.keycloak.it.support.TestApplication application, RealmAdmin admin,
                                   KeycloakServer server) {
        TestUser officer = admin.createOfficer("Bruce", "Wayne", "AL0010000");
        String tokens = gov.alacop.keycloak.it.support.FormSignIn.signInForTokens(server, "lets",
                application.baseUrl() + "/callback", "openid offline_access", officer.upn(), officer.password());
        String refresh = JsonPath.from(tokens).getString("refresh_token");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(refresh.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).as("an offline token").contains("\"typ\":\"Offline\"");

        given().auth().oauth2(admin.accessToken())
                .delete(alacopUrl(admin, server) + "/users/" + officer.id() + "/security-methods")
                .then().statusCode(200);

        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").formParam("client_id", "lets")
                .formParam("refresh_token", refresh)
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }

    @Test
    @DisplayName("the help-desk reset can issue a fresh temporary password in the same call (digits never returned)")
    void resetWithTemporaryPassword(gov.alacop.keycloak.it.support.Browser browser,
                                    gov.alacop.keycloak.it.support.TestApplication application, RealmAdmin admin,
                                    KeycloakServer server) {
        String id = createUser(admin, freshOri(), List.of(phone(), otp()), null);
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
        gov.alacop.keycloak.it.pages.ApplicationPage.startSignIn(browser, application).next(username)
                .enter("New$Alacop#w" + digits + "b");
        new gov.alacop.keycloak.it.pages.UpdatePasswordPage(browser, "update-after-help-desk-reset");

        given().auth().oauth2(admin.accessToken()).contentType("application/json").body("{\"ssnLast4\":\"12a4\"}")
                .delete(alacopUrl(admin, server) + "/users/" + id + "/security-methods")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_ssn_last4"));
    }

    @Test
    @DisplayName("after the help-desk reset the officer is asked to set up two methods at the next sign-in")
    void reEnrollsAfterReset(gov.alacop.keycloak.it.support.Browser browser,
                             gov.alacop.keycloak.it.support.TestApplication application, RealmAdmin admin,
                             KeycloakServer server) {
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        try {
            String id = createUser(admin, EnrollmentIT.OPEN_ORI, List.of(phone(), otp()), null);
            given().auth().oauth2(admin.accessToken())
                    .delete(alacopUrl(admin, server) + "/users/" + id + "/security-methods").then().statusCode(200);
            String password = "Patrol#Reset2027Aa1!";
            CredentialRepresentation secret = new CredentialRepresentation();
            secret.setType(CredentialRepresentation.PASSWORD);
            secret.setValue(password);
            secret.setTemporary(false);
            admin.realm().users().get(id).resetPassword(secret);
            String username = admin.realm().users().get(id).toRepresentation().getUsername();
            gov.alacop.keycloak.it.pages.ApplicationPage.startSignIn(browser, application).next(username).enter(password);
            gov.alacop.keycloak.it.pages.EnrollmentPage wizard = new gov.alacop.keycloak.it.pages.EnrollmentPage(browser);
            assertThat(wizard.progress()).isEqualTo("Method 0 of 2 set up");
        } finally {
            EnrollmentIT.restoreShipped(admin, server);
        }
    }

    @Test
    @DisplayName("without view-users the report is forbidden; without manage-users the reset is forbidden (403)")
    void forbidden(RealmAdmin admin, KeycloakServer server) {
        String target = createUser(admin, freshOri(), List.of(phone(), otp()), null);
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

    static CredentialRepresentation phone() {
        CredentialRepresentation phone = new CredentialRepresentation();
        phone.setType("alacop-phone");
        phone.setUserLabel("•••0199");
        phone.setCredentialData("{\"lastDigits\":\"0199\",\"channel\":\"text\"}");
        phone.setSecretData("{\"number\":\"+12055550199\"}");
        phone.setCreatedDate(System.currentTimeMillis());
        return phone;
    }

    static CredentialRepresentation otp() {
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("Authenticator");
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\",\"secretEncoding\":\"BASE32\"}");
        otp.setSecretData("{\"value\":\"JBSWY3DPEHPK3PXPJBSWY3DP\"}");
        otp.setCreatedDate(System.currentTimeMillis());
        return otp;
    }

    static String createUser(RealmAdmin admin, String ori, List<CredentialRepresentation> methods, String skippedAt) {
        String username = "it" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName("Bruce");
        user.setLastName("Wayne");
        user.setEmail(username + "@example.org");
        user.setEnabled(true);
        Map<String, List<String>> attributes = new java.util.HashMap<>(Map.of("ori", List.of(ori)));
        if (skippedAt != null) {
            attributes.put("alacopMfaSkippedAt", List.of(skippedAt));
        }
        user.setAttributes(attributes);
        CredentialRepresentation secret = new CredentialRepresentation();
        secret.setType(CredentialRepresentation.PASSWORD);
        secret.setValue("Patrol#" + java.util.UUID.randomUUID().toString().substring(0, 8) + "Aa1!");
        secret.setTemporary(false);
        List<CredentialRepresentation> credentials = new ArrayList<>(methods);
        credentials.add(0, secret);
        user.setCredentials(credentials);
        try (jakarta.ws.rs.core.Response response = admin.realm().users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    static String tokenWithRoles(RealmAdmin admin, List<String> roles) {
        TestUser staff = admin.createOfficer("Help", "Desk", "AL0010000");
        String realmManagement = admin.realm().clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> granted = roles.stream()
                .map(r -> admin.realm().clients().get(realmManagement).roles().get(r).toRepresentation()).toList();
        if (!granted.isEmpty()) {
            admin.realm().users().get(staff.id()).roles().clientLevel(realmManagement).add(granted);
        }
        return admin.passwordGrantToken(staff);
    }
}
