package gov.alacop.keycloak.it.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.DeleteCredentialPage;
import gov.alacop.keycloak.it.pages.ErrorPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
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
        String id = SecurityMethodsAdminIT.createUser(admin, EnrollmentIT.ENFORCED_ORI,
                List.of(SecurityMethodsAdminIT.phone(), SecurityMethodsAdminIT.otp()), null);
        String otpId = signInWithApp(browser, application, admin, id);

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
        String id = SecurityMethodsAdminIT.createUser(admin, EnrollmentIT.OPEN_ORI,
                List.of(SecurityMethodsAdminIT.phone(), SecurityMethodsAdminIT.otp()), null);
        String otpId = signInWithApp(browser, application, admin, id);

        browser.open(application.loginUrl("delete_credential:" + otpId));
        new DeleteCredentialPage(browser).accept();
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isNotBlank();
        assertThat(types(admin, id)).doesNotContain("otp").contains("alacop-phone");
    }

    private static String signInWithApp(Browser browser, TestApplication application, RealmAdmin admin, String id) {
        UserRepresentation user = admin.realm().users().get(id).toRepresentation();
        String password = "Patrol#Remove2027Aa1!";
        CredentialRepresentation secret = new CredentialRepresentation();
        secret.setType(CredentialRepresentation.PASSWORD);
        secret.setValue(password);
        secret.setTemporary(false);
        admin.realm().users().get(id).resetPassword(secret);
        ApplicationPage.startSignIn(browser, application).next(user.getUsername()).enter(password);
        new SecondFactorPage(browser).verify(Totp.code(OTP_SECRET, Instant.now()));
        return admin.realm().users().get(id).credentials().stream().filter(c -> "otp".equals(c.getType()))
                .findFirst().orElseThrow().getId();
    }

    private static List<String> types(RealmAdmin admin, String id) {
        return admin.realm().users().get(id).credentials().stream().map(CredentialRepresentation::getType).toList();
    }
}
