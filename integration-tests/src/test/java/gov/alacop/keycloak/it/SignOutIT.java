package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.WebElement;

import com.sun.net.httpserver.HttpServer;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.ErrorPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.SignOutPage;
import gov.alacop.keycloak.it.pages.SignedOutPage;
import gov.alacop.keycloak.it.pages.SigningOutPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Axe;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Signing out (RP-initiated logout) in the AlaCOP pages")
class SignOutIT {

    static final String PORTAL = "https://alacop.gov";

    @Test
    @Tag("smoke")
    @DisplayName("pick the account, wait while applications sign out, then 'You signed out'; credentials needed again")
    void threePagesInOrder(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server)
            throws IOException {
        HttpServer slowApplication = slowFrontChannelLogout();
        try {
            TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
            Map<String, String> attributes = new HashMap<>();
            attributes.put("frontchannel.logout.url",
                    "http://localhost:" + slowApplication.getAddress().getPort() + "/front-channel-logout");
            ClientRepresentation client = client(admin, application, attributes, true);
            signInTo(browser, server, application, client.getClientId(), officer);

            SignOutPage confirm = SignOutPage.open(browser, server.realmUrl(), "client_id=" + client.getClientId());
            assertThat(confirm.title()).isEqualTo("Pick an account to sign out");
            assertThat(browser.driver().getTitle()).isEqualTo("Pick an account to sign out | AlaCOP");
            assertThat(confirm.accountName()).isEqualTo("Clark Kent");
            assertThat(confirm.accountUpn()).isEqualTo(officer.upn());
            assertThat(confirm.signOutButton().getText()).contains("Sign out");
            assertThat(confirm.warningBanner()).startsWith("WARNING");
            browser.resize(Browser.PHONE);
            browser.screenshot("sign-out-phone");
            browser.resize(Browser.DESKTOP);
            confirm.signOut();

            SigningOutPage wait = new SigningOutPage(browser);
            assertThat(wait.title()).isEqualTo("Please wait while we sign you out");
            assertThat(Axe.blockingViolations(browser, "signing-out")).isEmpty();
            assertThat(admin.realm().users().get(officer.id()).getUserSessions())
                    .as("the session ended before the page shows").isEmpty();

            SignedOutPage done = wait.signedOut();
            assertThat(done.title()).isEqualTo("You signed out of your account");
            assertThat(browser.driver().getTitle()).isEqualTo("You signed out of your account | AlaCOP");
            assertThat(done.previousApplicationLink()).get().extracting(WebElement::getText)
                    .isEqualTo("Click here to log in to the previous application again");
            assertThat(done.previousApplicationLink().get().getAttribute("href")).isEqualTo(application.loginUrl());
            assertThat(done.portalLink().getText()).isEqualTo("Click here to log in to ALACOP");
            assertThat(done.portalLink().getAttribute("href")).startsWith(PORTAL);
            assertThat(done.closeTabText()).isEqualTo("Or you can close the current tab in your browser");
            browser.resize(Browser.PHONE);
            browser.screenshot("signed-out-phone");
            browser.resize(Browser.DESKTOP);

            IdentifierPage again = ApplicationPage.startSignIn(browser, application);
            assertThat(again.title()).as("the application asks for credentials again").isEqualTo("Sign in");
        } finally {
            slowApplication.stop(0);
        }
    }

    @Test
    @DisplayName("after the front-channel sign-outs, a registered post_logout_redirect_uri is followed (no confirmation)")
    void frontChannelThenRegisteredRedirect(Browser browser, TestApplication application, RealmAdmin admin,
            KeycloakServer server) throws IOException {
        HttpServer slowApplication = slowFrontChannelLogout();
        try {
            TestUser officer = TestUsers.officer("Bruce", "Wayne").create(admin);
            Map<String, String> attributes = new HashMap<>();
            attributes.put("frontchannel.logout.url",
                    "http://localhost:" + slowApplication.getAddress().getPort() + "/front-channel-logout");
            ClientRepresentation client = client(admin, application, attributes, true);
            signInTo(browser, server, application, client.getClientId(), officer);

            String back = application.baseUrl() + "/callback?after=sign-out";
            SignOutPage.open(browser, server.realmUrl(), "client_id=" + client.getClientId()
                    + "&post_logout_redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8)).signOut();
            new SigningOutPage(browser);
            browser.waiting().until(d -> d.getCurrentUrl().startsWith(back));
            browser.screenshot("back-at-application");
            assertThat(ApplicationPage.startSignIn(browser, application).title()).as("signed out").isEqualTo("Sign in");
        } finally {
            slowApplication.stop(0);
        }
    }

    @Test
    @DisplayName("an application without front-channel sign-out: confirm, then 'You signed out' with its home URL")
    void withoutFrontChannel(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Lois", "Lane").create(admin);
        ClientRepresentation client = client(admin, application, new HashMap<>(), false);
        signInTo(browser, server, application, client.getClientId(), officer);

        SignOutPage.open(browser, server.realmUrl(), "client_id=" + client.getClientId()).signOut();
        SignedOutPage done = new SignedOutPage(browser);
        assertThat(done.title()).isEqualTo("You signed out of your account");
        assertThat(browser.driver().getTitle()).isEqualTo("You signed out of your account | AlaCOP");
        assertThat(done.previousApplicationLink().orElseThrow().getAttribute("href")).isEqualTo(application.loginUrl());
        assertThat(admin.realm().users().get(officer.id()).getUserSessions()).isEmpty();
    }

    @Test
    @DisplayName("a registered post_logout_redirect_uri becomes the link when the application asks for a confirmation")
    void registeredRedirectAsLink(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        assumeTrue(ItSettings.keycloakAtLeast(26, 5),
                "Keycloak 26.4 has no logout confirmation: it always follows a registered post_logout_redirect_uri");
        TestUser officer = TestUsers.officer("Jimmy", "Olsen").create(admin);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("logout.confirmation.enabled", "true");
        ClientRepresentation client = client(admin, application, attributes, false);
        signInTo(browser, server, application, client.getClientId(), officer);

        String back = application.baseUrl() + "/login?after=sign-out";
        SignOutPage.open(browser, server.realmUrl(), "client_id=" + client.getClientId()
                + "&post_logout_redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8)).signOut();
        SignedOutPage done = new SignedOutPage(browser);
        assertThat(done.previousApplicationLink().orElseThrow().getAttribute("href")).isEqualTo(back);
    }

    @Test
    @DisplayName("a forged post_logout_redirect_uri is refused and the page offers no link to it")
    void forgedRedirectRefused(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Perry", "White").create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).signIn(officer.password());

        String forged = "https://evil.example.org/collect";
        browser.open(server.realmUrl() + "/protocol/openid-connect/logout?client_id=lets&post_logout_redirect_uri="
                + URLEncoder.encode(forged, StandardCharsets.UTF_8));
        ErrorPage error = new ErrorPage(browser);
        assertThat(error.message()).contains("Invalid redirect uri");
        assertThat(error.linkTargets()).extracting(href -> String.valueOf(URI.create(href).getHost()))
                .doesNotContain("evil.example.org");
        assertThat(browser.driver().getPageSource()).doesNotContain("evil.example.org");
        assertThat(error.warningBanner()).startsWith("WARNING");
        browser.resize(Browser.PHONE);
        browser.screenshot("error-phone");
    }

    @Test
    @DisplayName("signing out without naming an application offers no 'previous application' link")
    void unknownApplication(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Cat", "Grant").create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).signIn(officer.password());

        SignOutPage confirm = SignOutPage.open(browser, server.realmUrl(), "");
        assertThat(confirm.accountUpn()).isEqualTo(officer.upn());
        confirm.signOut();
        SignedOutPage done = new SignedOutPage(browser);
        assertThat(done.previousApplicationLink()).isEmpty();
        assertThat(done.portalLink().getAttribute("href")).startsWith(PORTAL);
        assertThat(admin.realm().users().get(officer.id()).getUserSessions()).isEmpty();
    }

    /** A client of the test application whose registered home URL is the application's sign-in address. */
    private static ClientRepresentation client(RealmAdmin admin, TestApplication application,
            Map<String, String> attributes, boolean frontChannel) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("app-" + UUID.randomUUID().toString().substring(0, 8));
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRootUrl(application.baseUrl());
        client.setBaseUrl("/login");
        client.setRedirectUris(List.of(application.baseUrl() + "/*"));
        client.setFrontchannelLogout(frontChannel);
        attributes.put("post.logout.redirect.uris", application.baseUrl() + "/*");
        client.setAttributes(attributes);
        try (Response created = admin.realm().clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        return client;
    }

    private static void signInTo(Browser browser, KeycloakServer server, TestApplication application, String clientId,
            TestUser officer) {
        browser.open(server.realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=direct"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(application.baseUrl() + "/callback", StandardCharsets.UTF_8));
        new IdentifierPage(browser).next(officer.upn()).signIn(officer.password());
    }

    /** An application whose front-channel logout answers after 6 s, so the "please wait" page can be checked. */
    private static HttpServer slowFrontChannelLogout() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/front-channel-logout", exchange -> {
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "<!DOCTYPE html><title>signed out</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
