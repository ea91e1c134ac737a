package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.ErrorPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.SecurityQuestionsPage;
import gov.alacop.keycloak.it.pages.SignOutPage;
import gov.alacop.keycloak.it.pages.SignedOutPage;
import gov.alacop.keycloak.it.pages.StaySignedInPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Axe;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

@AlaCopKeycloak
@DisplayName("Accessibility (WCAG 2.1 AA) of every page a person reaches")
class AccessibilityIT {

    @Test
    @DisplayName("sign-in and sign-out pages: no serious or critical axe-core violation at desktop and phone widths")
    void signInAndSignOutPages(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        // "Stay signed in?" follows a second factor: the officer has the authenticator app.
        TestUser officer = TestUsers.officer("Clark", "Kent").withTotp().create(admin);
        List<String> violations = new ArrayList<>();

        IdentifierPage identifier = ApplicationPage.startSignIn(browser, application);
        violations.addAll(Axe.blockingViolations(browser, "identifier"));
        identifier = identifier.nextRefused(" ");
        violations.addAll(Axe.blockingViolations(browser, "identifier-error"));

        PasswordPage password = identifier.next(officer.upn());
        violations.addAll(Axe.blockingViolations(browser, "password"));
        password = password.signInRefused("Not-the-password-1");
        violations.addAll(Axe.blockingViolations(browser, "password-error"));

        password.enter(officer.password());
        new SecondFactorPage(browser).enter(RealmAdmin.appCode());
        StaySignedInPage stay = new StaySignedInPage(browser);
        violations.addAll(Axe.blockingViolations(browser, "stay-signed-in"));
        stay.no();

        SignOutPage signOut = SignOutPage.open(browser, server.realmUrl(), "client_id=lets");
        violations.addAll(Axe.blockingViolations(browser, "sign-out"));
        signOut.signOut();
        new SignedOutPage(browser);
        violations.addAll(Axe.blockingViolations(browser, "signed-out"));

        browser.open(server.realmUrl() + "/protocol/openid-connect/logout?client_id=lets&post_logout_redirect_uri="
                + URLEncoder.encode("https://evil.example.org/", StandardCharsets.UTF_8));
        new ErrorPage(browser);
        violations.addAll(Axe.blockingViolations(browser, "error"));

        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("Keycloak's own pages in the AlaCOP frame: reset password, update password")
    void keycloakPagesInOurFrame(Browser browser, TestApplication application, RealmAdmin admin) {
        List<String> violations = new ArrayList<>();

        // The shipped realm's reset is the AlaCOP flow (ResetIT checks its pages); its first page in our frame.
        IdentifierPage identifier = ApplicationPage.startSignIn(browser, application);
        identifier.cantAccessLink().click();
        awaitPage(browser, "login-alacop-reset-identifier");
        violations.addAll(Axe.blockingViolations(browser, "reset-password"));

        TestUser officer = TestUsers.officer("Lois", "Lane").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        admin.realm().users().get(officer.id()).update(user);
        browser.open(application.loginUrl());
        new IdentifierPage(browser).next(officer.upn()).enter(officer.password());
        awaitPage(browser, "login-login-update-password");
        violations.addAll(Axe.blockingViolations(browser, "update-password"));

        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("the setup pages: the app (QR code and key), security questions, also with errors")
    void setupPages(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Diana", "Prince").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("CONFIGURE_TOTP", "alacop-security-questions-setup"));
        admin.realm().users().get(officer.id()).update(user);
        List<String> violations = new ArrayList<>();

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        TotpSetupPage totp = new TotpSetupPage(browser);
        violations.addAll(Axe.blockingViolations(browser, "app-setup"));
        for (org.openqa.selenium.Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            assertThat(keyGroupsBrokenInside(browser)).as("key groups split across lines at %s px", size.width)
                    .isZero();
        }
        browser.resize(Browser.DESKTOP);
        String key = totp.key().replace(" ", "");
        totp = totp.finishRefused("000000".equals(Totp.code(key, Instant.now())) ? "111111" : "000000");
        violations.addAll(Axe.blockingViolations(browser, "app-setup-error"));
        totp.enter(Totp.code(key, Instant.now()));

        SecurityQuestionsPage questions = new SecurityQuestionsPage(browser);
        violations.addAll(Axe.blockingViolations(browser, "security-questions"));
        questions.saveRefused(new int[] {0, 0, -1, 3, 4}, new String[] {"Montgomery", "Rex", "", "x", "Dothan"});
        violations.addAll(Axe.blockingViolations(browser, "security-questions-error"));

        assertThat(violations).isEmpty();
    }

    /** How many groups of the app key the browser wrapped inside the group (a group spread over two lines). */
    private static long keyGroupsBrokenInside(Browser browser) {
        Object count = ((JavascriptExecutor) browser.driver()).executeScript("""
                return Array.from(document.querySelectorAll('#kc-totp-secret-key .alacop-totp-key__group'))
                    .filter(group => group.getClientRects().length > 1).length;""");
        return ((Number) count).longValue();
    }

    @Test
    @DisplayName("'This page has expired' when a step that is over is submitted again")
    void pageExpired(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Perry", "White").create(admin);
        IdentifierPage identifier = ApplicationPage.startSignIn(browser, application);
        String staleAction = browser.driver().findElement(By.id("kc-form-login")).getAttribute("action");
        identifier.next(officer.upn());

        ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const field = document.createElement('input');
                field.name = 'username';
                field.value = arguments[1];
                form.appendChild(field);
                document.body.appendChild(form);
                form.submit();""", staleAction, officer.upn());
        awaitPage(browser, "login-login-page-expired");
        assertThat(browser.driver().findElement(By.id("kc-page-title")).getText()).isEqualTo("This page has expired");
        assertThat(browser.driver().findElement(By.id("loginRestartLink")).getText()).isEqualTo("Start the sign-in again");
        List<String> violations = new ArrayList<>(Axe.blockingViolations(browser, "page-expired"));

        browser.driver().findElement(By.id("loginContinueLink")).click();
        new PasswordPage(browser);
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("the error page, e.g. for an application Keycloak does not know, in the AlaCOP frame")
    void errorPage(Browser browser, KeycloakServer server) {
        browser.open(server.realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=no-such-application&redirect_uri=https%3A%2F%2Fexample.org%2F");
        ErrorPage error = new ErrorPage(browser);
        assertThat(error.title()).isEqualTo("We couldn't complete your request");
        assertThat(error.message()).isEqualTo("Client not found.");
        assertThat(error.linkTargets()).extracting(href -> String.valueOf(URI.create(href).getHost()))
                .doesNotContain("example.org");
        assertThat(error.supportContact()).contains("1-844-838-9028");
        assertThat(Axe.blockingViolations(browser, "error-unknown-client")).isEmpty();
    }

    @Test
    @DisplayName("keyboard only: identifier, password, 'Stay signed in?' Yes, the application, sign-out; focus always visible")
    void keyboardOnly(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Jimmy", "Olsen").withTotp().create(admin);
        ApplicationPage.startSignIn(browser, application);

        assertThat(focusedId(browser)).as("the identifier field has the focus").isEqualTo("username");
        keys(browser, officer.upn(), Keys.ENTER);
        new PasswordPage(browser);
        assertThat(focusedId(browser)).as("the password field has the focus").isEqualTo("password");
        assertFocusVisible(browser);
        keys(browser, officer.password(), Keys.ENTER);
        new SecondFactorPage(browser);
        keys(browser, RealmAdmin.appCode(), Keys.ENTER);

        new StaySignedInPage(browser);
        String reached = tabUntil(browser, "alacop-stay-signed-in-yes", 10);
        assertThat(reached).isEqualTo("alacop-stay-signed-in-yes");
        assertFocusVisible(browser);
        browser.screenshot("yes-focused");
        keys(browser, Keys.ENTER);

        assertThat(new ApplicationPage(browser).signedInUser()).isEqualTo(officer.username());

        SignOutPage.open(browser, server.realmUrl(), "client_id=lets");
        assertThat(tabUntil(browser, "kc-logout", 10)).isEqualTo("kc-logout");
        assertFocusVisible(browser);
        keys(browser, Keys.ENTER);
        SignedOutPage signedOut = new SignedOutPage(browser);
        assertThat(tabUntil(browser, "alacop-portal", 15)).as("the signed-out links are reachable").isEqualTo("alacop-portal");
        assertThat(signedOut.title()).isEqualTo("You signed out of your account");
    }

    private static void awaitPage(Browser browser, String pageId) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("body[data-page-id=" + pageId + "]")));
        browser.screenshot(pageId);
    }

    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static String focusedId(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    /** Presses Tab until the element with the id has the focus (at most max times); returns what has the focus. */
    private static String tabUntil(Browser browser, String id, int max) {
        for (int i = 0; i < max && !id.equals(focusedId(browser)); i++) {
            keys(browser, Keys.TAB);
            assertFocusVisible(browser);
        }
        return focusedId(browser);
    }

    private static void assertFocusVisible(Browser browser) {
        WebElement focused = browser.driver().switchTo().activeElement();
        if ("body".equals(focused.getTagName())) {
            return;
        }
        assertThat(focused.getCssValue("outline-style")).as("visible focus on %s#%s", focused.getTagName(),
                focused.getAttribute("id")).isNotEqualTo("none");
    }
}
