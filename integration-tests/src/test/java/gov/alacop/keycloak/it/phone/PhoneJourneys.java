package gov.alacop.keycloak.it.phone;

import java.security.SecureRandom;
import java.util.List;

import org.keycloak.representations.idm.UserRepresentation;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PhoneNumberPage;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

/** Steps shared by the phone tests. */
final class PhoneJourneys {

    static final String SETUP_ACTION = "alacop-phone-setup";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PhoneJourneys() {
    }

    /** A fresh, valid Alabama number (205-555-01xx is reserved for fiction), as E.164 and as typed nationally. */
    record Number(String e164, String national) {
        static Number fresh() {
            String line = String.format("%04d", RANDOM.nextInt(10_000));
            return new Number("+1205555" + line, "(205) 555-" + line);
        }

        String lastFour() {
            return e164.substring(e164.length() - 4);
        }
    }

    /** An officer who must set up a phone at the next sign-in. */
    static TestUser officerToSetUpPhone(RealmAdmin admin) {
        TestUser officer = admin.createOfficer("Barry", "Allen", "AL0010000");
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of(SETUP_ACTION));
        admin.realm().users().get(officer.id()).update(user);
        return officer;
    }

    static PhoneNumberPage signInToSetup(Browser browser, TestApplication application, TestUser officer) {
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        return new PhoneNumberPage(browser);
    }
}
