package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Signing in to an AlaCOP application: identifier, then password")
class SignInJourneyIT {

    static final String WARNING = "WARNING This site is intended strictly for official law enforcement and criminal "
            + "justice use only. It is a violation of Alabama State law to attempt to enter this site without "
            + "possessing the appropriate credentials. All transactions are monitored and logged.";

    @Test
    @DisplayName("the identifier page carries the ALEA frame: banner, footer links, support contact")
    void identifierPageFrame(Browser browser, TestApplication application) {
        IdentifierPage page = ApplicationPage.startSignIn(browser, application);

        assertThat(page.title()).isEqualTo("Sign in");
        assertThat(page.identifierLabel()).isEqualTo("AlaCOP email address");
        assertThat(page.identifierField().getAttribute("placeholder")).isEqualTo("someone@alacop.gov");
        assertThat(page.warningBanner()).startsWith(WARNING)
                .endsWith("is subject to criminal and administrative penalties under federal and state laws.");
        assertThat(page.registrationLink().getText()).isEqualTo("New User Registration");
        assertThat(page.registrationLink().getAttribute("href")).isEqualTo("https://app.alea.gov/Registration");
        assertThat(page.helpCenterLink().getText()).isEqualTo("ALACOP Help Center");
        assertThat(page.helpCenterLink().getAttribute("href")).isEqualTo("https://app.alea.gov/Help");
        assertThat(page.cantAccessLink().getText()).isEqualTo("Can't access your account?");
        assertThat(page.supportContact()).contains("1-844-838-9028").contains("ALEA-Support@alea.gov");
        assertThat(page.brandLogo().getAttribute("alt")).isEqualTo("ALEA AlaCOP");

        browser.resize(Browser.PHONE);
        browser.screenshot("identifier-phone");
        assertThat(page.identifierField().isDisplayed()).isTrue();
    }

    @ParameterizedTest(name = "typed as \"{0}\"")
    @ValueSource(strings = {"<username>@alacop.gov", "<USERNAME>@ALACOP.GOV", "<username>"})
    @DisplayName("UPN in any case, or the bare username, leads to the password page and into the application")
    void signsIn(String pattern, Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Clark", "Kent").create(admin);
        String typed = pattern.replace("<username>", officer.username())
                .replace("<USERNAME>", officer.username().toUpperCase());

        PasswordPage password = ApplicationPage.startSignIn(browser, application).next(typed);
        assertThat(password.title()).isEqualTo("Enter password");
        assertThat(password.shownIdentifier()).isEqualTo(officer.upn());
        assertThat(password.warningBanner()).startsWith(WARNING);
        assertThat(password.resetPasswordLink().getText()).isEqualTo("Reset Password");

        ApplicationPage app = password.signIn(officer.password());
        assertThat(app.signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("a wrong password is refused on the password page; the right one then gets in")
    void wrongPasswordThenRight(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Lois", "Lane").create(admin);

        PasswordPage refused = ApplicationPage.startSignIn(browser, application).next(officer.upn())
                .signInRefused("Not-the-password-1");
        assertThat(refused.fieldError("password")).hasValue(
                "Your account or password is incorrect. If you don't remember your password, reset it now.");
        assertThat(refused.shownIdentifier()).isEqualTo(officer.upn());

        assertThat(refused.signIn(officer.password()).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("the back arrow returns to the identifier page to use another account")
    void backToIdentifier(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Jimmy", "Olsen").create(admin);
        IdentifierPage again = ApplicationPage.startSignIn(browser, application).next(officer.upn()).back();
        assertThat(again.title()).isEqualTo("Sign in");
    }

    @Test
    @DisplayName("an empty identifier is refused with a clear message")
    void emptyIdentifier(Browser browser, TestApplication application) {
        IdentifierPage refused = ApplicationPage.startSignIn(browser, application).nextRefused("   ");
        assertThat(refused.fieldError("username"))
                .hasValue("Enter your AlaCOP email address, for example someone@alacop.gov.");
        assertThat(refused.identifierField().getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    @DisplayName("the demo officer of the development import signs in")
    void demoOfficer(Browser browser, TestApplication application) {
        ApplicationPage app = ApplicationPage.startSignIn(browser, application)
                .next("dp0101@alacop.gov")
                .signIn("Themyscira#Shield2026");
        assertThat(app.signedInUser()).isEqualTo("dp0101");
    }
}
