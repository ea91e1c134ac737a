package gov.alacop.keycloak.it.claims;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.Jwt;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

@AlaCopKeycloak
@DisplayName("Tokens of lets carry upn and amr (the methods of the sign-in)")
class TokenClaimsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, String> ANSWERS = Map.of("q01", "Montgomery Zq7", "q02", "Rex Zq7", "q03", "Smith Zq7",
            "q04", "Dothan Elementary Zq7", "q05", "Tuscaloosa Zq7");

    @Test
    @DisplayName("app: ID token, access token and userinfo say upn=username@alacop.gov and amr [pwd, otp, mfa]; "
            + "single sign-on keeps them")
    void authenticatorApp(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Hal", "Jordan").withTotp().create(admin);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        ApplicationPage signedIn = new SecondFactorPage(browser).verify(RealmAdmin.appCode());

        JsonNode id = Jwt.claims(signedIn.idToken());
        assertThat(id.path("upn").asText()).isEqualTo(officer.username() + "@alacop.gov");
        assertThat(amr(id)).containsExactly("pwd", "otp", "mfa");
        String accessToken = signedIn.accessToken();
        JsonNode access = Jwt.claims(accessToken);
        assertThat(access.path("upn").asText()).isEqualTo(officer.username() + "@alacop.gov");
        assertThat(amr(access)).containsExactly("pwd", "otp", "mfa");
        JsonNode userinfo = json(given().auth().oauth2(accessToken)
                .get(server.realmUrl() + "/protocol/openid-connect/userinfo")
                .then().statusCode(200).extract().asString());
        assertThat(userinfo.path("upn").asText()).isEqualTo(officer.username() + "@alacop.gov");
        assertThat(amr(userinfo)).containsExactly("pwd", "otp", "mfa");

        // A second sign-in of the application on the same browser session: no page, the same methods.
        browser.open(application.loginUrl());
        assertThat(amr(Jwt.claims(new ApplicationPage(browser).idToken()))).containsExactly("pwd", "otp", "mfa");
    }

    @Test
    @DisplayName("text code: amr [pwd, sms, mfa]")
    void textCode(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        ApplicationPage signedIn = challenge.verify(server.outbox().await(number.e164(), 0).code());

        JsonNode id = Jwt.claims(signedIn.idToken());
        assertThat(id.path("upn").asText()).isEqualTo(officer.username() + "@alacop.gov");
        assertThat(amr(id)).containsExactly("pwd", "sms", "mfa");
    }

    @Test
    @DisplayName("voice code: amr [pwd, tel, mfa]")
    void voiceCode(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "voice");

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        var call = server.outbox().await(number.e164(), 0);
        assertThat(call.channel()).isEqualTo("voice");
        ApplicationPage signedIn = challenge.verify(call.code());

        assertThat(amr(Jwt.claims(signedIn.idToken()))).containsExactly("pwd", "tel", "mfa");
    }

    @Test
    @DisplayName("a wrong app code, then 'Sign in another way' and a text code: only the text counts")
    void failedMethodThenAnother(Browser browser, TestApplication application, RealmAdmin admin,
                                 KeycloakServer server) {
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        Number number = Number.fresh();
        TestUser officer = TestUsers.officer("John", "Stewart").withTotp().withPhone(number.e164(), "text")
                .create(admin);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        String right = RealmAdmin.appCode();
        SecondFactorPage challenge = new SecondFactorPage(browser).verifyRefused(right.equals("000000") ? "111111"
                : "000000");
        assertThat(challenge.otherWays()).contains("Text •••" + number.lastFour());
        challenge = challenge.choose("text");
        ApplicationPage signedIn = challenge.verify(server.outbox().await(number.e164(), 0).code());

        assertThat(amr(Jwt.claims(signedIn.idToken()))).containsExactly("pwd", "sms", "mfa");
    }

    @Test
    @DisplayName("security questions are no sign-in factor: an officer with only questions gets amr [pwd], no kba, no mfa")
    void securityQuestionsOnly(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Oliver", "Queen")
                .withSecurityQuestions(ANSWERS).create(admin);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        ApplicationPage signedIn = ApplicationPage.afterSignIn(browser);

        JsonNode id = Jwt.claims(signedIn.idToken());
        assertThat(id.path("upn").asText()).isEqualTo(officer.username() + "@alacop.gov");
        assertThat(amr(id)).containsExactly("pwd");
    }

    @Test
    @DisplayName("an app set up during the sign-in: its code proves possession, amr [pwd, otp] without mfa")
    void appSetUpDuringSignIn(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Kyle", "Rayner").withRequiredActions("CONFIGURE_TOTP").create(admin);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        TotpSetupPage setup = new TotpSetupPage(browser);
        ApplicationPage signedIn = setup.finish(Totp.code(setup.key(), Instant.now()));

        assertThat(amr(Jwt.claims(signedIn.idToken()))).containsExactly("pwd", "otp");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> amr(JsonNode claims) {
        List<String> values = new ArrayList<>();
        claims.path("amr").forEach(value -> values.add(value.asText()));
        return values;
    }
}
