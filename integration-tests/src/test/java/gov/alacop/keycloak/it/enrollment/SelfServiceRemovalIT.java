package gov.alacop.keycloak.it.enrollment;

import static gov.alacop.keycloak.it.enrollment.SecurityMethodsAdminIT.PHONE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.DeleteCredentialPage;
import gov.alacop.keycloak.it.pages.ErrorPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

/**
 * Removing a method the way the account console does it (Keycloak's {@code delete_credential} action):
 * refused below two methods while the agency is enforced, allowed otherwise.
 */
@AlaCopKeycloak
@DisplayName("Self-service removal of a security method")
class SelfServiceRemovalIT {

    static final String OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP";

    @AfterEach
    void restoreShippedWizard(RealmAdmin admin, KeycloakServer server) {
        EnrollmentIT.restoreShipped(admin, server);
    }

    @Test
    @DisplayName("an enforced officer with app + phone cannot remove the app: a clear message, the app stays")
    void refusedWhileEnforced(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        TestUser officer = officer(EnrollmentIT.ENFORCED_ORI).withPhone(PHONE, "text").withTotp().create(admin);
        String id = officer.id();
        String otpId = signInWithApp(browser, application, admin, officer);

        browser.open(application.loginUrl("delete_credential:" + otpId));
        new DeleteCredentialPage(browser).accept();
        ErrorPage error = new ErrorPage(browser);
        assertThat(error.message()).isEqualTo("This method can't be removed: your agency (ORI) requires two security "
                + "methods, one of them the app or your phone. Set up another method first, then remove this one.");
        assertThat(types(admin, id)).contains("otp", "alacop-phone");
    }

    @Test
    @DisplayName("an officer whose agency is not enforced may remove the app")
    void allowedOtherwise(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        EnrollmentIT.setEnabled(admin, false);
        TestUser officer = officer(EnrollmentIT.OPEN_ORI).withPhone(PHONE, "text").withTotp().create(admin);
        String id = officer.id();
        String otpId = signInWithApp(browser, application, admin, officer);

        browser.open(application.loginUrl("delete_credential:" + otpId));
        new DeleteCredentialPage(browser).accept();
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isNotBlank();
        assertThat(types(admin, id)).doesNotContain("otp").contains("alacop-phone");
    }

    @Test
    @DisplayName("the reported sequence is closed: no password-only token from admin-cli, and with a full token the "
            + "account REST API refuses to drop an enforced officer below two methods (400, the method stays)")
    void accountRestApi(RealmAdmin admin, KeycloakServer server) {
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        TestUser officer = officer(EnrollmentIT.ENFORCED_ORI).withPhone(PHONE, "text").withTotp().create(admin);
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", officer.username())
                .formParam("password", officer.password())
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(Matchers.allOf(Matchers.greaterThanOrEqualTo(400),
                        Matchers.lessThan(500)));

        String token = admin.passwordGrantToken(officer);
        String listed = given().auth().oauth2(token).accept("application/json")
                .get(server.realmUrl() + "/account/credentials").then().statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(listed);
        assertThat(json.getBoolean("find { it.type == 'alacop-phone' }.removeable")).isFalse();
        assertThat(json.getBoolean("find { it.type == 'otp' }.removeable")).isFalse();
        for (String type : List.of("alacop-phone", "otp")) {
            given().auth().oauth2(token).accept("application/json")
                    .delete(server.realmUrl() + "/account/credentials/" + credentialId(admin, officer.id(), type))
                    .then().statusCode(400);
        }
        assertThat(types(admin, officer.id())).contains("otp", "alacop-phone");
    }

    @Test
    @DisplayName("the account REST API still removes what the rule allows: a second app, or any method when not enforced")
    void accountRestApiAllowed(RealmAdmin admin, KeycloakServer server) {
        EnrollmentIT.configure(admin, server, EnrollmentIT.ALL_METHODS);
        TestUser enforced = officer(EnrollmentIT.ENFORCED_ORI).withPhone(PHONE, "text").withTotp()
                .withCredential(TestUsers.app("Second phone app")).create(admin);
        given().auth().oauth2(admin.passwordGrantToken(enforced)).accept("application/json")
                .delete(server.realmUrl() + "/account/credentials/" + credentialId(admin, enforced.id(), "otp"))
                .then().statusCode(204);
        assertThat(types(admin, enforced.id())).containsOnlyOnce("otp").contains("alacop-phone");

        TestUser open = officer(EnrollmentIT.OPEN_ORI).withPhone(PHONE, "text").withTotp().create(admin);
        given().auth().oauth2(admin.passwordGrantToken(open)).accept("application/json")
                .delete(server.realmUrl() + "/account/credentials/" + credentialId(admin, open.id(), "alacop-phone"))
                .then().statusCode(204);
        assertThat(types(admin, open.id())).doesNotContain("alacop-phone");
    }

    @Test
    @DisplayName("kc_action=delete_credential: with an empty id fails in Keycloak's own authorization endpoint, before "
            + "any AlaCOP code: a realm without the bundle's flows, theme or actions answers the same (upstream)")
    void emptyCredentialIdIsUpstream(Browser browser, TestApplication application, RealmAdmin admin,
            KeycloakServer server) {
        String bare = "bare-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("realm", bare, "enabled", true))
                .post(server.baseUrl() + "/admin/realms").then().statusCode(201);
        try {
            int alacop = authorize(server.realmUrl(), "delete_credential:");
            int keycloakOnly = authorize(server.baseUrl() + "/realms/" + bare, "delete_credential:");
            assertThat(alacop).as("the alacop realm").isEqualTo(keycloakOnly);
            assertThat(authorize(server.baseUrl() + "/realms/" + bare, "delete_credential:abc"))
                    .as("with an id the same request is a sign-in page").isEqualTo(200);
            assertThat(server.logText()).contains("ArrayIndexOutOfBoundsException");
        } finally {
            given().auth().oauth2(admin.accessToken()).delete(server.baseUrl() + "/admin/realms/" + bare)
                    .then().statusCode(204);
        }
    }

    /** The status of an authorization request of Keycloak's own account console client with this kc_action. */
    private static int authorize(String realmUrl, String kcAction) {
        return given().redirects().follow(false).queryParam("client_id", "account-console")
                .queryParam("response_type", "code").queryParam("scope", "openid")
                .queryParam("redirect_uri", realmUrl + "/account/")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("code_challenge_method", "S256")
                .queryParam("kc_action", kcAction)
                .get(realmUrl + "/protocol/openid-connect/auth").statusCode();
    }

    /** An officer of this agency with a known password; the caller adds the methods. */
    private static TestUsers.Builder officer(String ori) {
        return SecurityMethodsAdminIT.officerOf(ori).withPassword("Patrol#Remove2027Aa1!");
    }

    private static String credentialId(RealmAdmin admin, String userId, String type) {
        return admin.realm().users().get(userId).credentials().stream().filter(c -> type.equals(c.getType()))
                .findFirst().orElseThrow().getId();
    }

    private static String signInWithApp(Browser browser, TestApplication application, RealmAdmin admin,
            TestUser officer) {
        ApplicationPage.startSignIn(browser, application).next(officer.username()).enter(officer.password());
        new SecondFactorPage(browser).verify(Totp.code(OTP_SECRET, Instant.now()));
        return credentialId(admin, officer.id(), "otp");
    }

    private static List<String> types(RealmAdmin admin, String id) {
        return admin.realm().users().get(id).credentials().stream().map(CredentialRepresentation::getType).toList();
    }
}
