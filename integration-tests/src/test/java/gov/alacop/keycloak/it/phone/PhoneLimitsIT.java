package gov.alacop.keycloak.it.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;

@AlaCopKeycloak
@DisplayName("Sending limits: per user per hour, per number per day, per client IP per hour")
class PhoneLimitsIT {

    static final String LIMIT = PhoneJourneys.SEND_LIMIT;

    static SecondFactorPage reachSecondFactor(Browser browser, TestApplication application, TestUser officer) {
        return PhoneJourneys.reachSecondFactor(browser, application, officer);
    }

    @Test
    @DisplayName("the 6th text to a user within the hour is refused, saying when to try again")
    void perUser(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");
        for (int i = 0; i < 5; i++) {
            SecondFactorPage page = reachSecondFactor(browser, application, officer);
            assertThat(page.intro()).contains("•••" + number.lastFour());
            assertThat(page.alert()).as("no refusal").isEmpty();
            // Signing in ends the exchange, so the next sign-in need not wait for the resend cooldown.
            page.verify(server.outbox().await(number.e164(), i).code());
        }
        SecondFactorPage refused = reachSecondFactor(browser, application, officer);
        assertThat(refused.alert()).hasValueSatisfying(alert -> assertThat(alert).matches(LIMIT));
        assertThat(server.outbox().count(number.e164())).isEqualTo(5);
    }

    @Test
    @DisplayName("a number that had its day's texts gets no more, whoever asks")
    void perNumber(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        TestUser first = PhoneJourneys.officerWithPhone(admin, number, "text");
        TestUser second = PhoneJourneys.officerWithPhone(admin, number, "text");
        PhoneJourneys.setRealmAttribute(admin, "alacop.phone.sendsPerNumberPerDay", "1");
        try {
            assertThat(reachSecondFactor(browser, application, first).alert()).as("no refusal").isEmpty();
            assertThat(reachSecondFactor(browser, application, second).alert())
                    .hasValueSatisfying(alert -> assertThat(alert).matches(LIMIT));
            assertThat(server.outbox().count(number.e164())).isEqualTo(1);
        } finally {
            PhoneJourneys.setRealmAttribute(admin, "alacop.phone.sendsPerNumberPerDay", "");
        }
    }

    @Test
    @DisplayName("a client address that had its hour's texts gets no more")
    void perIp(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        Number number = Number.fresh();
        Number other = Number.fresh();
        TestUser first = PhoneJourneys.officerWithPhone(admin, number, "text");
        TestUser second = PhoneJourneys.officerWithPhone(admin, other, "text");
        reachSecondFactor(browser, application, first);
        PhoneJourneys.setRealmAttribute(admin, PhoneJourneys.PER_IP_ATTRIBUTE, "1");
        try {
            assertThat(reachSecondFactor(browser, application, second).alert())
                    .hasValueSatisfying(alert -> assertThat(alert).matches(LIMIT));
            assertThat(server.outbox().count(other.e164())).isZero();
        } finally {
            PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        }
    }

    @Test
    @DisplayName("a new sign-in within the resend cooldown sends nothing and says how long to wait")
    void cooldownSurvivesRestart(Browser browser, TestApplication application, RealmAdmin admin,
                                 KeycloakServer server) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");
        assertThat(reachSecondFactor(browser, application, officer).alert()).as("no refusal").isEmpty();
        SecondFactorPage again = reachSecondFactor(browser, application, officer);
        assertThat(again.alert()).hasValueSatisfying(alert ->
                assertThat(alert).matches(PhoneJourneys.COOLDOWN));
        assertThat(server.outbox().count(number.e164())).isEqualTo(1);
    }

    @Test
    @DisplayName("codes sent to a number typed at setup do not use up that number's sign-in codes")
    void setupDoesNotUseTheOwnersQuota(Browser browser, TestApplication application, RealmAdmin admin,
                                       KeycloakServer server) {
        Number number = Number.fresh();
        TestUser owner = PhoneJourneys.officerWithPhone(admin, number, "text");
        TestUser colleague = PhoneJourneys.officerToSetUpPhone(admin);
        PhoneJourneys.setRealmAttribute(admin, "alacop.phone.sendsPerNumberPerDay", "1");
        try {
            assertThat(PhoneJourneys.signInToSetup(browser, application, colleague)
                    .sendCode(number.national(), "text").alert()).as("no refusal").isEmpty();
            assertThat(reachSecondFactor(browser, application, owner).alert()).as("no refusal").isEmpty();
            assertThat(server.outbox().count(number.e164())).isEqualTo(2);
        } finally {
            PhoneJourneys.setRealmAttribute(admin, "alacop.phone.sendsPerNumberPerDay", "");
        }
    }

    @Test
    @DisplayName("a number typed at setup gets at most 3 codes a day, whoever types it")
    void unverifiedNumberQuota(Browser browser, TestApplication application, RealmAdmin admin,
                               KeycloakServer server) {
        Number number = Number.fresh();
        for (int i = 0; i < 3; i++) {
            PhoneJourneys.forgetSession(browser);
            assertThat(PhoneJourneys.signInToSetup(browser, application, PhoneJourneys.officerToSetUpPhone(admin))
                    .sendCode(number.national(), "text").alert()).as("no refusal").isEmpty();
        }
        PhoneJourneys.forgetSession(browser);
        assertThat(PhoneJourneys.signInToSetup(browser, application, PhoneJourneys.officerToSetUpPhone(admin))
                .sendCode(number.national(), "text").alert())
                .hasValueSatisfying(alert -> assertThat(alert).matches(LIMIT));
        assertThat(server.outbox().count(number.e164())).isEqualTo(3);
    }
}
