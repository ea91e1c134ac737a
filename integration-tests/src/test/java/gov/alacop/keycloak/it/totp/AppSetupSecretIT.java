package gov.alacop.keycloak.it.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.JavascriptExecutor;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

@AlaCopKeycloak
@DisplayName("The app setup keeps its secret on the server and ignores a posted one")
class AppSetupSecretIT {

    /** A secret chosen by an attacker, who would put it in an authenticator app of their own. */
    static final String FORGED_SECRET = "attacker-chosen-secret";

    static TestUser officerToSetUpApp(RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Hal", "Jordan").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("CONFIGURE_TOTP"));
        admin.realm().users().get(officer.id()).update(user);
        return officer;
    }

    /** Sets (adding it if the page has none) the hidden field that Keycloak's own setup page posts. */
    static void postedSecret(Browser browser, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var form = document.getElementById('kc-totp-settings-form');
                var field = document.getElementById('totpSecret');
                if (!field) {
                    field = document.createElement('input');
                    field.type = 'hidden'; field.id = 'totpSecret'; field.name = 'totpSecret';
                    form.appendChild(field);
                }
                field.value = arguments[0];""", value);
    }

    @Test
    @DisplayName("a forged totpSecret with a code computed from it is refused; the stored secret is the page's")
    void forgedSecretIgnored(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officerToSetUpApp(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        TotpSetupPage setup = new TotpSetupPage(browser);
        String key = setup.key().replace(" ", "");

        postedSecret(browser, FORGED_SECRET);
        String forgedCode = Totp.codeForStoredSecret(FORGED_SECRET, Instant.now());
        String realCode = Totp.code(key, Instant.now());
        if (!forgedCode.equals(realCode)) {
            setup = setup.finishRefused(forgedCode);
            assertThat(setup.fieldError("totp")).isPresent();
            assertThat(setup.key().replace(" ", "")).as("the same server secret is shown again").isEqualTo(key);
        }

        // The page's own code is accepted even with the forged field posted next to it...
        postedSecret(browser, FORGED_SECRET);
        assertThat(setup.finish(Totp.code(key, Instant.now())).signedInUser()).isEqualTo(officer.username());

        // ...and what was stored is the page's secret: the next sign-in takes its codes.
        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        SecondFactorPage challenge = new SecondFactorPage(browser);
        assertThat(challenge.verify(Totp.code(key, Instant.now().plusSeconds(30))).signedInUser())
                .isEqualTo(officer.username());
    }

    @Test
    @DisplayName("an empty or missing totpSecret gives the normal page (no 500) and the page's code still works")
    void emptyOrMissingSecret(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officerToSetUpApp(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        TotpSetupPage setup = new TotpSetupPage(browser);
        String key = setup.key().replace(" ", "");

        postedSecret(browser, "");
        String wrong = "000000".equals(Totp.code(key, Instant.now())) ? "111111" : "000000";
        setup = setup.finishRefused(wrong);
        assertThat(setup.fieldError("totp")).isPresent();

        ((JavascriptExecutor) browser.driver()).executeScript(
                "var f = document.getElementById('totpSecret'); if (f) { f.remove(); }");
        assertThat(setup.finish(Totp.code(key, Instant.now())).signedInUser()).isEqualTo(officer.username());
    }
}
