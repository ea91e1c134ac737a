package gov.alacop.keycloak.it.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.Pause;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

@AlaCopKeycloak
@DisplayName("Second factor after the password: authenticator app, text or voice")
class SecondFactorIT {

    static final String WRONG = "That code isn't right. Check the code and try again.";
    static final String LOCKED = "Your account is temporarily locked because of too many failed attempts. "
            + "Try again later or contact the ALEA Support Center.";

    @Test
    @Tag("smoke")
    @DisplayName("the authenticator app is set up from the QR page's key, then asked for at sign-in; a reused code is refused")
    void authenticatorApp(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Hal", "Jordan").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("CONFIGURE_TOTP"));
        admin.realm().users().get(officer.id()).update(user);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        TotpSetupPage setup = new TotpSetupPage(browser);
        assertThat(setup.title()).isEqualTo("Set up your authenticator app");
        assertThat(setup.qrCode().getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(setup.downloadNow().getText()).isEqualTo("Download now");
        String key = setup.key();
        assertThat(key.replace(" ", "")).matches("[A-Z2-7]{16,}");

        setup = setup.finishRefused("000000".equals(Totp.code(key, Instant.now())) ? "111111" : "000000");
        assertThat(setup.fieldError("totp")).isPresent();
        assertThat(setup.finish(Totp.code(key, Instant.now())).signedInUser()).isEqualTo(officer.username());

        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        assertThat(challenge.title()).isEqualTo("Verify your identity");
        assertThat(challenge.intro()).isEqualTo(
                "Enter the code displayed in the authenticator app on your mobile device.");
        assertThat(challenge.offersOtherWays()).isFalse();
        // The next period's code: accepted within the policy's look-around window, and not the setup's code.
        String code = Totp.code(key, Instant.now().plusSeconds(30));
        assertThat(challenge.verify(code).signedInUser()).isEqualTo(officer.username());

        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage reuse = new SecondFactorPage(browser).verifyRefused(code);
        assertThat(reuse.fieldError("code")).hasValue(WRONG);
    }

    @Test
    @Tag("smoke")
    @DisplayName("a phone user gets a text right after the password; its code signs in; the event names the method")
    void textCode(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        assertThat(challenge.intro()).isEqualTo("We texted your phone •••" + number.lastFour()
                + ". Enter the code to sign in.");
        assertThat(challenge.alert()).as("the intro says where the code went; no notice repeats it").isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Verify your identity | AlaCOP");
        browser.resize(Browser.PHONE);
        browser.screenshot("second-factor-text-small-screen");
        browser.resize(Browser.DESKTOP);
        String code = server.outbox().await(number.e164(), 0).code();

        challenge = challenge.refresh();
        assertThat(server.outbox().count(number.e164())).as("a refresh sends nothing").isEqualTo(1);

        assertThat(challenge.verify(code).signedInUser()).isEqualTo(officer.username());
        List<EventRepresentation> logins = admin.realm().getEvents(List.of("LOGIN"), null, officer.id(), null, null,
                null, 0, 5);
        assertThat(logins).anySatisfy(e -> assertThat(e.getDetails()).containsEntry("alacop_method", "text"));
    }

    @Test
    @DisplayName("'Sign in another way' switches to a call; the next sign-in starts with the call")
    void anotherWayAndLastUsed(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        server.outbox().await(number.e164(), 0);
        assertThat(challenge.otherWays()).containsExactly("Call •••" + number.lastFour());
        challenge = challenge.choose("voice");
        assertThat(challenge.intro()).isEqualTo("We're calling your phone •••" + number.lastFour()
                + ". Enter the code you hear to sign in.");
        var call = server.outbox().await(number.e164(), 1);
        assertThat(call.channel()).isEqualTo("voice");
        assertThat(challenge.verify(call.code()).signedInUser()).isEqualTo(officer.username());

        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage next = new SecondFactorPage(browser);
        assertThat(next.intro()).startsWith("We're calling your phone");
        assertThat(server.outbox().await(number.e164(), 2).channel()).isEqualTo("voice");
    }

    @Test
    @DisplayName("5 wrong codes: the code is used up and brute-force protection locks the account")
    void wrongCodesLock(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        String right = server.outbox().await(number.e164(), 0).code();
        String wrong = right.equals("000000") ? "111111" : "000000";

        challenge = challenge.verifyRefused("9".repeat(10_000));
        assertThat(challenge.fieldError("code")).hasValue(WRONG);
        for (int i = 0; i < 3; i++) {
            Pause.millis(1100); // slower than the realm's quick-login check, so each failure counts as a normal one
            challenge = challenge.verifyRefused(wrong);
            assertThat(challenge.fieldError("code")).hasValue(WRONG);
        }
        Pause.millis(1100);
        challenge = challenge.verifyRefused(wrong);
        assertThat(challenge.fieldError("code")).hasValue("Too many wrong codes. Send a new code.");

        Map<String, Object> status = admin.realm().attackDetection().bruteForceUserStatus(officer.id());
        assertThat(status).containsEntry("numFailures", 5).containsEntry("disabled", true);

        Pause.millis(1100);
        challenge.enter(right);
        IdentifierPage restarted = new IdentifierPage(browser);
        assertThat(restarted.alert()).hasValue(LOCKED);
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
    }

    @Test
    @DisplayName("a lockout on the code page starts again at the identifier: the right code cannot resume it later")
    void lockoutRestartsAtIdentifier(Browser browser, TestApplication application, RealmAdmin admin,
                                     KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");
        RealmRepresentation realm = admin.realm().toRepresentation();
        Integer failureFactor = realm.getFailureFactor();
        realm.setFailureFactor(2);
        admin.realm().update(realm);
        try {
            ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
            SecondFactorPage challenge = new SecondFactorPage(browser);
            String right = server.outbox().await(number.e164(), 0).code();
            String wrong = right.equals("000000") ? "111111" : "000000";
            challenge = challenge.verifyRefused(wrong);
            Pause.millis(1100);
            challenge = challenge.verifyRefused(wrong);
            assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                    .containsEntry("disabled", true);
            String codeForm = challenge.formAction();

            Pause.millis(1100);
            challenge.enter(right);
            IdentifierPage restarted = new IdentifierPage(browser);
            assertThat(restarted.alert()).hasValue(LOCKED);
            List<EventRepresentation> errors = admin.realm().getEvents(List.of("LOGIN_ERROR"), null, officer.id(),
                    null, null, null, 0, 20);
            assertThat(errors).anySatisfy(e -> assertThat(e.getError()).isEqualTo("user_temporarily_disabled"));

            // The lockout ends (here: the help desk clears it). The code, still valid, no longer signs anybody in.
            admin.realm().attackDetection().clearBruteForceForUser(officer.id());
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
                    [['code', arguments[1]], ['action', 'verify']].forEach(function (p) {
                        var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0]; i.value = p[1];
                        f.appendChild(i); });
                    document.body.appendChild(f); f.submit();""", codeForm, right);
            Pause.millis(3000);
            assertThat(browser.currentUrl()).doesNotStartWith(application.baseUrl());
            assertThat(browser.driver().findElements(By.id("alacop-second-factor-form"))).isEmpty();
            assertThat(admin.realm().users().get(officer.id()).getUserSessions()).isEmpty();
        } finally {
            realm.setFailureFactor(failureFactor);
            admin.realm().update(realm);
            admin.realm().attackDetection().clearBruteForceForUser(officer.id());
        }
    }
}
