package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.ValidatableResponse;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.StaySignedInPage;
import gov.alacop.keycloak.it.pages.UpdatePasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.BrowserCookies;
import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Stay signed in? — the last step of a sign-in")
class StaySignedInIT {

    /** The shipped realm's "SSO Session Max Remember Me": 30 days. */
    static final Duration REMEMBER_ME_MAX = Duration.ofDays(30);

    @Test
    @DisplayName("Yes: the identity cookie lives for the remember-me lifetime and survives a browser restart")
    void yesRemembers(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Clark", "Kent").withTotp().create(admin);
        StaySignedInPage page = signInAsked(browser, application, officer);
        assertThat(page.title()).isEqualTo("Stay signed in?");
        assertThat(browser.driver().getTitle()).isEqualTo("Stay signed in? | AlaCOP");
        assertThat(page.account()).isEqualTo(officer.upn());
        assertThat(page.explanation()).startsWith("Do this to reduce the number of times you are asked to sign in.");
        assertThat(page.dontShowAgainLabel()).isEqualTo("Don't show this again");
        assertThat(page.dontShowAgain().isSelected()).isFalse();
        assertThat(page.warningBanner()).startsWith("WARNING This site is intended strictly");
        assertThat(page.noButton().getText()).isEqualTo("No");
        browser.resize(Browser.PHONE);
        browser.screenshot("stay-signed-in-phone");
        browser.resize(Browser.DESKTOP);

        assertThat(page.yes().signedInUser()).isEqualTo(officer.username());

        Cookie identity = BrowserCookies.identity(browser, server.realmUrl()).orElseThrow();
        assertThat(identity.getExpiry()).as("a persistent identity cookie").isNotNull();
        assertThat(Duration.between(Instant.now(), identity.getExpiry().toInstant()))
                .isBetween(REMEMBER_ME_MAX.minusHours(1), REMEMBER_ME_MAX.plusHours(1));

        BrowserCookies.restartBrowser(browser, server.realmUrl());
        browser.open(application.loginUrl());
        assertThat(new ApplicationPage(browser).signedInUser()).as("signed in without credentials").isEqualTo(officer.username());

        List<EventRepresentation> events = admin.realm().getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, officer.id(),
                null, null, null, 0, 10);
        assertThat(events).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("custom_required_action", "alacop-stay-signed-in")
                .containsEntry("stay_signed_in", "yes")
                .containsEntry("stay_signed_in_source", "asked")
                .containsEntry("stay_signed_in_saved", "false"));
        List<EventRepresentation> logins = admin.realm().getEvents(List.of("LOGIN"), null, officer.id(), null, null, null, 0, 10);
        assertThat(logins).anySatisfy(event -> assertThat(event.getDetails()).containsEntry("remember_me", "true"));
    }

    @Test
    @DisplayName("No: the identity cookie ends with the browser; after a restart the application asks for credentials")
    void noForgets(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Lois", "Lane").withTotp().create(admin);
        ApplicationPage app = signInAsked(browser, application, officer).no();
        assertThat(app.signedInUser()).isEqualTo(officer.username());

        Cookie identity = BrowserCookies.identity(browser, server.realmUrl()).orElseThrow();
        assertThat(identity.getExpiry()).as("a session cookie").isNull();

        BrowserCookies.restartBrowser(browser, server.realmUrl());
        IdentifierPage again = ApplicationPage.startSignIn(browser, application);
        assertThat(again.title()).isEqualTo("Sign in");
    }

    @Test
    @DisplayName("\"Don't show this again\" keeps the answer on the user and the next sign-in applies it silently")
    void dontShowAgain(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Jimmy", "Olsen").withTotp().create(admin);
        signInAsked(browser, application, officer).checkDontShowAgain().yes();
        UserRepresentation saved = admin.realm().users().get(officer.id()).toRepresentation();
        assertThat(saved.getAttributes()).containsEntry("alacopStaySignedIn", List.of("yes"));

        BrowserCookies.clear(browser, server.realmUrl());
        PasswordPage password = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        password.enter(officer.password());
        secondFactor(browser);
        assertThat(new ApplicationPage(browser).signedInUser()).as("no question this time").isEqualTo(officer.username());
        Cookie identity = BrowserCookies.identity(browser, server.realmUrl()).orElseThrow();
        assertThat(identity.getExpiry()).as("the saved Yes applied").isNotNull();

        List<EventRepresentation> logins = admin.realm().getEvents(List.of("LOGIN"), null, officer.id(), null, null, null, 0, 10);
        assertThat(logins).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("stay_signed_in", "yes").containsEntry("stay_signed_in_source", "saved"));

        // The help desk clears the saved answer (a declared, administrator-only attribute): the question returns.
        UserRepresentation cleared = admin.realm().users().get(officer.id()).toRepresentation();
        cleared.getAttributes().remove("alacopStaySignedIn");
        admin.realm().users().get(officer.id()).update(cleared);
        assertThat(admin.realm().users().get(officer.id()).toRepresentation().getAttributes())
                .doesNotContainKey("alacopStaySignedIn");
        BrowserCookies.clear(browser, server.realmUrl());
        StaySignedInPage askedAgain = signInAsked(browser, application, officer);
        assertThat(askedAgain.title()).isEqualTo("Stay signed in?");
    }

    @Test
    @DisplayName("comes last: after the password update a first sign-in requires")
    void afterPasswordUpdate(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Diana", "Prince").withTotp().create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        admin.realm().users().get(officer.id()).update(user);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        secondFactor(browser);
        UpdatePasswordPage update = new UpdatePasswordPage(browser);
        String fresh = "Fresh#Patrol" + UUID.randomUUID().toString().substring(0, 6) + "Zz9";
        update.enter(officer.password(), fresh, fresh);

        StaySignedInPage stay = new StaySignedInPage(browser);
        assertThat(stay.yes().signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("is not asked again when the browser already has a session (single sign-on)")
    void notAskedWithSso(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Perry", "White").withTotp().create(admin);
        signInAsked(browser, application, officer).no();
        browser.open(application.loginUrl());
        assertThat(new ApplicationPage(browser).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("is not asked when the application asks a signed-in user to re-authenticate (prompt=login)")
    void notAskedOnReauthentication(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Lana", "Lang").withTotp().create(admin);
        signInAsked(browser, application, officer).yes();

        browser.open(authorizationUrl(server.realmUrl(), "lets", application) + "&prompt=login");
        PasswordPage password = new PasswordPage(browser);
        password.enter(officer.password());
        secondFactor(browser);
        assertReturnedToApplication(browser, application);
        assertThat(BrowserCookies.identity(browser, server.realmUrl()).orElseThrow().getExpiry())
                .as("still the remember-me session chosen before").isNotNull();
        assertThat(server.logText()).doesNotContain(officer.password());
    }

    @Test
    @DisplayName("a refused answer (neither Yes nor No) shows a clear message and asks again")
    void invalidAnswer(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Cat", "Grant").withTotp().create(admin);
        StaySignedInPage page = signInAsked(browser, application, officer);
        browser.driver().findElement(By.id("alacop-stay-signed-in-yes"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('alacop-stay-signed-in-yes').value='maybe';");
        page.yesButton().click();
        StaySignedInPage again = new StaySignedInPage(browser);
        assertThat(again.alert()).hasValue("Choose Yes or No.");
        assertThat(again.no().signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("is not asked on an application marked as a shared device (alacop.kiosk=true); a saved Yes is ignored there")
    void kioskClient(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Bruce", "Wayne").withTotp().create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.getAttributes().put("alacopStaySignedIn", List.of("yes"));
        admin.realm().users().get(officer.id()).update(user);
        ClientRepresentation kiosk = new ClientRepresentation();
        kiosk.setClientId("kiosk-" + UUID.randomUUID().toString().substring(0, 8));
        kiosk.setPublicClient(true);
        kiosk.setStandardFlowEnabled(true);
        kiosk.setRedirectUris(List.of(application.baseUrl() + "/*"));
        kiosk.setAttributes(Map.of("alacop.kiosk", "true"));
        try (Response created = admin.realm().clients().create(kiosk)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }

        browser.open(authorizationUrl(server.realmUrl(), kiosk.getClientId(), application));
        new IdentifierPage(browser).next(officer.upn()).enter(officer.password());
        secondFactor(browser);
        assertReturnedToApplication(browser, application);
        assertThat(BrowserCookies.identity(browser, server.realmUrl()).orElseThrow().getExpiry()).isNull();
    }

    @Test
    @DisplayName("after a password alone (the officer skipped the setup) it is not asked, and a saved Yes is not applied")
    void notAfterPasswordAlone(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Oliver", "Queen").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.getAttributes().put("alacopStaySignedIn", List.of("yes"));
        admin.realm().users().get(officer.id()).update(user);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        assertReturnedToApplication(browser, application);
        assertThat(BrowserCookies.identity(browser, server.realmUrl()).orElseThrow().getExpiry())
                .as("the session ends with the browser").isNull();
        List<EventRepresentation> logins = admin.realm().getEvents(List.of("LOGIN"), null, officer.id(), null, null, null, 0, 10);
        assertThat(logins).isNotEmpty().noneSatisfy(event -> assertThat(event.getDetails()).containsKey("remember_me"));
    }

    @Test
    @DisplayName("with onlyAfterSecondFactor=false the realm asks after a password alone too; a bad value is refused on save")
    void ruleOff(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        setRule(admin, server, "maybe").statusCode(400);
        try {
            setRule(admin, server, "false").statusCode(204);
            TestUser officer = TestUsers.officer("Dinah", "Lance").create(admin);
            StaySignedInPage page = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                    .signInToStaySignedIn(officer.password());
            assertThat(page.title()).isEqualTo("Stay signed in?");
            page.no();
        } finally {
            setRule(admin, server, "true").statusCode(204);
        }
    }

    private static ValidatableResponse setRule(RealmAdmin admin, KeycloakServer server,
            String value) {
        return given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("config", Map.of("onlyAfterSecondFactor", value)))
                .put(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM
                        + "/authentication/required-actions/alacop-stay-signed-in/config")
                .then();
    }

    /** The app codes of this test (a code is accepted once). */
    private final RealmAdmin.AppCodes codes = new RealmAdmin.AppCodes();

    /** Identifier, password, a code from the authenticator app, then "Stay signed in?" (the wizard skipped). */
    private StaySignedInPage signInAsked(Browser browser, TestApplication application, TestUser officer) {
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        secondFactor(browser);
        ApplicationPage.skipEnrollmentIfAsked(browser, By.id(StaySignedInPage.FORM_ID));
        return new StaySignedInPage(browser);
    }

    private void secondFactor(Browser browser) {
        new SecondFactorPage(browser).enter(codes.next());
    }

    @Test
    @DisplayName("is not asked in a realm whose remember-me is off")
    void realmWithoutRememberMe(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server)
            throws Exception {
        String realm = "alacop-no-remember-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectMapper json = new ObjectMapper();
        ObjectNode rep = (ObjectNode) json.readTree(Files.readString(
                ItSettings.projectDir().resolve("realm-export/alacop-realm.json")));
        rep.put("realm", realm).put("rememberMe", false);
        for (var client : rep.withArray("clients")) {
            ((ArrayNode) client.withArray("redirectUris")).add(application.baseUrl() + "/*");
        }
        String token = admin.accessToken();
        given().auth().oauth2(token).contentType("application/json").body(json.writeValueAsString(rep))
                .post(server.baseUrl() + "/admin/realms").then().statusCode(201);
        try {
            TestUser officer = TestUsers.officer("Diana", "Prince").withUsernamePrefix("rm").withOri(null)
                    .create(admin.realm(realm));

            String realmUrl = server.baseUrl() + "/realms/" + realm;
            browser.open(authorizationUrl(realmUrl, "lets", application));
            new IdentifierPage(browser).next(officer.upn()).enter(officer.password());
            assertReturnedToApplication(browser, application);
            assertThat(BrowserCookies.identity(browser, realmUrl).orElseThrow().getExpiry()).isNull();
        } finally {
            given().auth().oauth2(admin.accessToken()).delete(server.baseUrl() + "/admin/realms/" + realm)
                    .then().statusCode(204);
        }
    }

    private static String authorizationUrl(String realmUrl, String clientId, TestApplication application) {
        // A fixed PKCE challenge: the test never redeems the code, it only sees that one was issued.
        return realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=direct"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(application.baseUrl() + "/callback", StandardCharsets.UTF_8);
    }

    /** The browser went from the password straight back to the application with a code: no question asked. */
    private static void assertReturnedToApplication(Browser browser, TestApplication application) {
        browser.waiting().until(d -> d.getCurrentUrl().startsWith(application.baseUrl() + "/callback"));
        assertThat(browser.currentUrl()).contains("code=");
        browser.screenshot("returned-to-application");
    }
}
