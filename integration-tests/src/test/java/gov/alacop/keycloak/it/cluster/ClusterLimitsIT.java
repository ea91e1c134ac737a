package gov.alacop.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.support.AlaCopCluster;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.Cluster;
import gov.alacop.keycloak.it.support.Pause;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/**
 * The limits an attacker with one officer's password meets hold for the cluster, not per node: alternating between
 * the nodes (the balancer sends each step where the test says) gains no extra codes and no extra password guesses.
 * The counters live in Keycloak's replicated stores (SingleUseObjectProvider, login failures); a node-local counter
 * would let every refused step through on the other node.
 */
@AlaCopCluster
@DisplayName("Cluster limits: cooldown, send quotas and brute-force lockout count on both nodes together")
class ClusterLimitsIT {

    @Test
    @DisplayName("a code sent by a: a resend and a new sign-in on b within the cooldown send nothing")
    void cooldown(Cluster cluster, Browser browser) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(cluster.admin(), number, "text");
        cluster.only("a");
        SecondFactorPage page = PhoneJourneys.reachSecondFactor(browser, cluster.application(), officer);
        assertThat(page.alert()).as("no refusal").isEmpty();
        cluster.outbox().await(number.e164(), 0);

        cluster.only("b");
        assertThat(page.resend().alert()).hasValueSatisfying(alert -> assertThat(alert).matches(PhoneJourneys.COOLDOWN));
        SecondFactorPage again = PhoneJourneys.reachSecondFactor(browser, cluster.application(), officer);
        assertThat(again.alert()).hasValueSatisfying(alert -> assertThat(alert).matches(PhoneJourneys.COOLDOWN));
        assertThat(cluster.outbox().count(number.e164())).isEqualTo(1);
    }

    @Test
    @DisplayName("per user: five texts in the hour, sent alternately by a and b; the sixth is refused")
    void perUser(Cluster cluster, Browser browser) {
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(cluster.admin(), number, "text");
        for (int i = 0; i < 5; i++) {
            cluster.only(i % 2 == 0 ? "a" : "b");
            SecondFactorPage page = PhoneJourneys.reachSecondFactor(browser, cluster.application(), officer);
            assertThat(page.alert()).as("send #%d", i + 1).isEmpty();
            // Signing in ends the exchange, so the next sign-in need not wait for the resend cooldown.
            page.verify(cluster.outbox().await(number.e164(), i).code());
        }
        cluster.only("b");
        SecondFactorPage refused = PhoneJourneys.reachSecondFactor(browser, cluster.application(), officer);
        assertThat(refused.alert()).hasValueSatisfying(alert -> assertThat(alert).matches(PhoneJourneys.SEND_LIMIT));
        assertThat(cluster.outbox().count(number.e164())).isEqualTo(5);
    }

    @Test
    @DisplayName("per number: a number's one text of the day sent by a, another officer's sign-in on b gets none")
    void perNumber(Cluster cluster, Browser browser) {
        RealmAdmin admin = cluster.admin();
        Number number = Number.fresh();
        TestUser first = PhoneJourneys.officerWithPhone(admin, number, "text");
        TestUser second = PhoneJourneys.officerWithPhone(admin, number, "text");
        PhoneJourneys.setRealmAttribute(admin, "alacop.phone.sendsPerNumberPerDay", "1");
        try {
            cluster.only("a");
            assertThat(PhoneJourneys.reachSecondFactor(browser, cluster.application(), first).alert())
                    .as("no refusal").isEmpty();
            cluster.only("b");
            assertThat(PhoneJourneys.reachSecondFactor(browser, cluster.application(), second).alert())
                    .hasValueSatisfying(alert -> assertThat(alert).matches(PhoneJourneys.SEND_LIMIT));
            assertThat(cluster.outbox().count(number.e164())).isEqualTo(1);
        } finally {
            PhoneJourneys.setRealmAttribute(admin, "alacop.phone.sendsPerNumberPerDay", "");
        }
    }

    /**
     * Every browser of the run comes from 127.0.0.1 (the balancer passes it as X-Forwarded-For), and every text the
     * cluster sent this hour took one of that address's slots: with the limit set to that count + 1, one more send
     * is allowed, on a; b must then refuse, which it does only if it counts a's sends.
     */
    @Test
    @DisplayName("per client address: the hour's last text allowed sent by a, the next one refused by b")
    void perIp(Cluster cluster, Browser browser) {
        RealmAdmin admin = cluster.admin();
        Number number = Number.fresh();
        Number other = Number.fresh();
        TestUser first = PhoneJourneys.officerWithPhone(admin, number, "text");
        TestUser second = PhoneJourneys.officerWithPhone(admin, other, "text");
        Instant hour = awayFromTheHourBoundary();
        int sentThisHour = cluster.outbox().sentSince(hour);
        PhoneJourneys.setRealmAttribute(admin, PhoneJourneys.PER_IP_ATTRIBUTE, String.valueOf(sentThisHour + 1));
        try {
            cluster.only("a");
            assertThat(PhoneJourneys.reachSecondFactor(browser, cluster.application(), first).alert())
                    .as("the hour's last send, %d sent before it", sentThisHour).isEmpty();
            cluster.only("b");
            assertThat(PhoneJourneys.reachSecondFactor(browser, cluster.application(), second).alert())
                    .hasValueSatisfying(alert -> assertThat(alert).matches(PhoneJourneys.SEND_LIMIT));
            assertThat(cluster.outbox().count(other.e164())).isZero();
        } finally {
            PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        }
    }

    @Test
    @DisplayName("brute force: five wrong passwords, alternately on a and b, lock the account on both")
    void bruteForce(Cluster cluster, Browser browser) {
        RealmAdmin admin = cluster.admin();
        TestUser officer = TestUsers.officer("Floyd", "Lawton").withTotp().create(admin);
        cluster.only("a");
        PasswordPage page = ApplicationPage.startSignIn(browser, cluster.application()).next(officer.upn());
        String wrongMessage = null;
        for (int i = 1; i <= 5; i++) {
            cluster.only(i % 2 == 1 ? "a" : "b");
            // More than a second apart, like a person typing: Keycloak's quick-login check would lock sooner.
            Pause.millis(1100);
            page = page.signInRefused("Wrong#Password-" + i);
            wrongMessage = page.fieldError("password").orElseThrow();
        }
        assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()))
                .containsEntry("numFailures", 5).containsEntry("disabled", true);
        for (String node : new String[] {"a", "b"}) {
            cluster.only(node);
            Pause.millis(1100);
            page = page.signInRefused(officer.password());
            assertThat(page.fieldError("password")).as("the right password on %s", node).hasValue(wrongMessage);
        }
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
    }

    /** The start of the current hour window, waiting for the next one when this one ends within 90 seconds. */
    private static Instant awayFromTheHourBoundary() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant next = hour.plus(Duration.ofHours(1));
        if (Duration.between(Instant.now(), next).toSeconds() < 90) {
            Pause.millis(Duration.between(Instant.now(), next).toMillis() + 2000);
            return next;
        }
        return hour;
    }
}
