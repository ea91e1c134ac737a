package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.SecurityQuestionsPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/**
 * A setup that an application or the account console opens ({@code kc_action}) is the officer's choice: its page
 * offers Cancel, which goes back to the application without saving anything. A setup the sign-in requires has none.
 * (The phone setup's Cancel is covered with the phone pages.)
 */
@AlaCopKeycloak
@DisplayName("A setup opened from an application can be cancelled")
class SetupFromApplicationIT {

    static final String QUESTIONS_SETUP = "alacop-security-questions-setup";

    /** An officer with the app, signed in to the application. */
    static TestUser signedIn(Browser browser, TestApplication application, RealmAdmin admin, String first) {
        TestUser officer = TestUsers.officer(first, "Allen").withTotp().create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        assertThat(new SecondFactorPage(browser).verify(RealmAdmin.appCode()).signedInUser())
                .isEqualTo(officer.username());
        return officer;
    }

    static List<CredentialRepresentation> credentials(RealmAdmin admin, TestUser officer, String type) {
        return admin.realm().users().get(officer.id()).credentials().stream()
                .filter(c -> type.equals(c.getType())).toList();
    }

    @Test
    @DisplayName("security questions from the application: Cancel returns to it, no questions are saved")
    void questions(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = signedIn(browser, application, admin, "Barry");

        browser.open(application.loginUrl(QUESTIONS_SETUP));
        SecurityQuestionsPage page = new SecurityQuestionsPage(browser);
        assertThat(page.tabTitle()).isEqualTo("Set up security questions | AlaCOP");
        assertThat(page.cancelOffered()).isTrue();
        page.screenshotButtons("questions-cancel");

        assertThat(page.cancel().signedInUser()).isEqualTo(officer.username());
        assertThat(credentials(admin, officer, "alacop-security-questions")).isEmpty();
    }

    @Test
    @DisplayName("the app from the application: Cancel returns to it, the officer keeps the one app they had")
    void app(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = signedIn(browser, application, admin, "Wally");

        browser.open(application.loginUrl("CONFIGURE_TOTP"));
        TotpSetupPage page = new TotpSetupPage(browser);
        assertThat(page.tabTitle()).isEqualTo("Set up your authenticator app | AlaCOP");
        assertThat(page.cancelOffered()).isTrue();
        assertThat(page.alert()).isEmpty();
        page.screenshotButtons("app-cancel");

        assertThat(page.cancel().signedInUser()).isEqualTo(officer.username());
        assertThat(credentials(admin, officer, "otp")).hasSize(1);
    }

    @Test
    @DisplayName("a setup the sign-in requires offers no Cancel, and no stock 'You need to set up...' box")
    void requiredSetupHasNoCancel(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Jay", "Garrick").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("CONFIGURE_TOTP"));
        admin.realm().users().get(officer.id()).update(user);

        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        TotpSetupPage page = new TotpSetupPage(browser);
        assertThat(page.cancelOffered()).isFalse();
        assertThat(page.alert()).as("the page explains itself; Keycloak's warning is not shown").isEmpty();
    }
}
