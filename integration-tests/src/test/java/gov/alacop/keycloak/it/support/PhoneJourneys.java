package gov.alacop.keycloak.it.support;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PhoneNumberPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;

/** Steps shared by the phone, second-factor, enrollment and account tests. */
public final class PhoneJourneys {

    public static final String SETUP_ACTION = "alacop-phone-setup";
    /** Numbers handed out in this run: consecutive from a random start, so two tests never share one by chance. */
    private static final AtomicInteger NEXT_LINE = new AtomicInteger(new SecureRandom().nextInt(9000));

    private PhoneJourneys() {
    }

    /** A fresh, valid Alabama number (205-555-01xx is reserved for fiction), as E.164 and as typed nationally. */
    public record Number(String e164, String national) {
        public static Number fresh() {
            String line = String.format("%04d", NEXT_LINE.getAndIncrement() % 10_000);
            return new Number("+1205555" + line, "(205) 555-" + line);
        }

        public String lastFour() {
            return e164.substring(e164.length() - 4);
        }
    }

    public static final String PER_IP_ATTRIBUTE = "alacop.phone.sendsPerIpPerHour";
    /** The refusal when a sending quota is used up (per user, number or client address). */
    public static final String SEND_LIMIT = "Too many codes were sent\\. Try again in [0-9]{1,4} minutes\\.";
    /** The refusal of a new code within the resend cooldown. */
    public static final String COOLDOWN = "Wait [0-9]{1,2} seconds before asking for another code\\.";

    /**
     * Every browser of the test run comes from the same address, so the realm's per-IP limit (30 per hour) would
     * cut the run short: phone tests raise it for this test realm. PhoneLimitsIT proves the limit itself.
     */
    public static void allowManySendsFromTheTestMachine(RealmAdmin admin) {
        setRealmAttribute(admin, PER_IP_ATTRIBUTE, "1000");
    }

    public static void setRealmAttribute(RealmAdmin admin, String name, String value) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        Map<String, String> attributes = new HashMap<>(realm.getAttributes() == null ? Map.of() : realm.getAttributes());
        if (value.equals(attributes.get(name))) {
            return;
        }
        attributes.put(name, value);
        realm.setAttributes(attributes);
        admin.realm().update(realm);
    }

    /** An officer who must set up a phone at the next sign-in. */
    public static TestUser officerToSetUpPhone(RealmAdmin admin) {
        allowManySendsFromTheTestMachine(admin);
        return TestUsers.officer("Barry", "Allen").withRequiredActions(SETUP_ACTION).create(admin);
    }

    /** An officer who already has a verified phone (created as the phone setup stores it). */
    public static TestUser officerWithPhone(RealmAdmin admin, Number number, String channel) {
        allowManySendsFromTheTestMachine(admin);
        return TestUsers.officer("Diana", "Prince").toEnroll().withPhone(number.e164(), channel).create(admin);
    }

    /** Forgets the Keycloak session (all cookies, whatever their path), so the next sign-in starts from scratch. */
    public static void forgetSession(Browser browser) {
        ((HasCdp) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Posts the number step's form (number, channel, "Send code") to {@code action} from whatever page is open, as
     * a form kept in the browser's history would, and returns the page that answers with the number step.
     */
    public static PhoneNumberPage postNumberStep(Browser browser, String action, String number, String channel) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
                [['phoneNumber', arguments[1]], ['channel', arguments[2]], ['action', 'send']].forEach(function (p) {
                    var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0]; i.value = p[1];
                    f.appendChild(i); });
                document.body.appendChild(f); f.submit();""", action, number, channel);
        return new PhoneNumberPage(browser);
    }

    /** A new sign-in from scratch up to the second-factor page (which sends a code to an officer with a phone). */
    public static SecondFactorPage reachSecondFactor(Browser browser, TestApplication application, TestUser officer) {
        forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        return new SecondFactorPage(browser);
    }

    public static PhoneNumberPage signInToSetup(Browser browser, TestApplication application, TestUser officer) {
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        return new PhoneNumberPage(browser);
    }
}
