package gov.alacop.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.EnrollmentPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.pages.PhoneCodePage;
import gov.alacop.keycloak.it.pages.PhoneNumberPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.StaySignedInPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.reset.ResetJourney;
import gov.alacop.keycloak.it.support.AlaCopCluster;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.BrowserCookies;
import gov.alacop.keycloak.it.support.Cluster;
import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

/**
 * SPEC §13: "a flow started on one node finishes on another". Six officers are each stopped at a different point of
 * their journey on node a, node a is killed with SIGKILL, and every journey finishes on node b from the page it was
 * on: nothing asked twice, nothing sent twice, nothing saved lost. One kill for all six, so the cluster boots once.
 */
@AlaCopCluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Cluster failover: a node killed mid-flow, the flow finishes on the other node")
class ClusterFailoverIT {

    private static final String SIGNED_IN_AGAIN = "signed in through b with the remember-me session made on a";

    @Test
    @Order(1)
    @DisplayName("after the identifier, after the password, a text code sent, mid-enrollment, 'Stay signed in? Yes', "
            + "mid-reset: node a is killed and each finishes on node b")
    void nodeKilledMidFlow(Cluster cluster) {
        RealmAdmin admin = cluster.admin();
        TestApplication application = cluster.application();
        cluster.only("a");
        long servedByB = cluster.balancer().requestsServed("b");
        List<Browser> browsers = new ArrayList<>();
        try {
            // 1. After the identifier: the password page was rendered by a.
            TestUser afterIdentifier = TestUsers.officer("Ray", "Palmer").withTotp().create(admin);
            Browser identifierBrowser = open(browsers, "after-identifier");
            PasswordPage passwordPage = ApplicationPage.startSignIn(identifierBrowser, application)
                    .next(afterIdentifier.upn());

            // 2. After the password: a checked it and asked for the app code.
            TestUser afterPassword = TestUsers.officer("Ted", "Kord").withTotp().create(admin);
            Browser passwordBrowser = open(browsers, "after-password");
            ApplicationPage.startSignIn(passwordBrowser, application).next(afterPassword.upn())
                    .enter(afterPassword.password());
            assertThat(new SecondFactorPage(passwordBrowser).intro()).contains("authenticator app");

            // 3. A text code sent by a.
            Number number = Number.fresh();
            TestUser texted = PhoneJourneys.officerWithPhone(admin, number, "text");
            Browser textBrowser = open(browsers, "text-code");
            ApplicationPage.startSignIn(textBrowser, application).next(texted.upn()).enter(texted.password());
            SecondFactorPage textChallenge = new SecondFactorPage(textBrowser);
            assertThat(textChallenge.intro()).contains("•••" + number.lastFour());
            String textCode = cluster.outbox().await(number.e164(), 0).code();

            // 4. Mid-enrollment: the app set up on a; the wizard moved on to the phone.
            TestUser enrolling = TestUsers.officer("Kent", "Nelson").toEnroll().create(admin);
            Browser enrollBrowser = open(browsers, "mid-enrollment");
            ApplicationPage.startSignIn(enrollBrowser, application).next(enrolling.upn())
                    .enter(enrolling.password());
            EnrollmentPage wizard = new EnrollmentPage(enrollBrowser);
            assertThat(wizard.progress()).isEqualTo("Method 0 of 2 set up");
            wizard.next();
            TotpSetupPage totp = new TotpSetupPage(enrollBrowser);
            totp.enter(Totp.code(totp.key(), Instant.now()));
            wizard = new EnrollmentPage(enrollBrowser);
            assertThat(wizard.progress()).isEqualTo("Method 1 of 2 set up");
            assertThat(wizard.proposed()).hasValue("Next, set up: Phone");
            wizard.next();
            PhoneNumberPage phoneSetup = new PhoneNumberPage(enrollBrowser);

            // 5. "Stay signed in? Yes" on a.
            TestUser staying = TestUsers.officer("Carter", "Hall").withTotp().create(admin);
            Browser stayBrowser = open(browsers, "stay-signed-in");
            ApplicationPage.startSignIn(stayBrowser, application).next(staying.upn()).enter(staying.password());
            new SecondFactorPage(stayBrowser).enter(RealmAdmin.appCode());
            ApplicationPage.skipEnrollmentIfAsked(stayBrowser, By.id(StaySignedInPage.FORM_ID));
            assertThat(new StaySignedInPage(stayBrowser).yes().signedInUser()).isEqualTo(staying.username());

            // 6. Mid-reset: the app code accepted by a, the security questions asked.
            TestUser resetting = ResetJourney.officer(admin);
            Browser resetBrowser = open(browsers, "mid-reset");
            ResetJourney reset = ResetJourney.throughFirstProof(resetBrowser, application, resetting,
                    RealmAdmin.appCode());
            assertThat(reset.questionsAsked()).hasSize(3);

            assertThat(cluster.balancer().requestsServed("b")).as("requests node b served before the kill")
                    .isEqualTo(servedByB);
            cluster.kill("a");

            String newPassword = "Failover#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1";
            assertAll(
                    () -> {
                        passwordPage.enter(afterIdentifier.password());
                        assertThat(ApplicationPage.afterSignIn(verifyApp(identifierBrowser)).signedInUser())
                                .as("after the identifier").isEqualTo(afterIdentifier.username());
                    },
                    () -> assertThat(ApplicationPage.afterSignIn(verifyApp(passwordBrowser)).signedInUser())
                            .as("after the password").isEqualTo(afterPassword.username()),
                    () -> {
                        textChallenge.enter(textCode);
                        assertThat(ApplicationPage.afterSignIn(textBrowser).signedInUser())
                                .as("the text code a sent, typed into b").isEqualTo(texted.username());
                        assertThat(cluster.outbox().count(number.e164())).as("texts sent").isEqualTo(1);
                    },
                    () -> {
                        Number phone = Number.fresh();
                        PhoneCodePage code = phoneSetup.sendCode(phone.national(), "text");
                        code.enter(cluster.outbox().await(phone.e164(), 0).code());
                        EnrollmentPage done = new EnrollmentPage(enrollBrowser);
                        assertThat(done.doneMethods()).as("the app set up on a, the phone on b")
                                .containsExactly("Authenticator app", "Phone");
                        assertThat(done.done().signedInUser()).isEqualTo(enrolling.username());
                        assertThat(admin.realm().users().get(enrolling.id()).credentials())
                                .extracting(c -> c.getType()).contains("otp", "alacop-phone");
                    },
                    () -> {
                        BrowserCookies.restartBrowser(stayBrowser, cluster.front().realmUrl());
                        stayBrowser.open(application.loginUrl());
                        assertThat(new ApplicationPage(stayBrowser).signedInUser()).as(SIGNED_IN_AGAIN)
                                .isEqualTo(staying.username());
                    },
                    () -> assertThat(reset.finish(newPassword)).as("mid-reset").contains(ResetJourney.DONE));
        } finally {
            browsers.forEach(Browser::close);
        }
        assertThat(cluster.balancer().requestsServed("a")).isPositive();
        cluster.restart("a");
    }

    @Test
    @Order(2)
    @DisplayName("the killed node rejoins: a sign-in started on b finishes on a")
    void killedNodeRejoins(Cluster cluster, Browser browser) {
        assertThat(Cluster.lastViewSize(cluster.node("a"))).isEqualTo(2);
        assertThat(Cluster.lastViewSize(cluster.node("b"))).isEqualTo(2);
        TestUser officer = TestUsers.officer("Zatanna", "Zatara").withTotp().create(cluster.admin());
        cluster.only("b");
        PasswordPage password = ApplicationPage.startSignIn(browser, cluster.application()).next(officer.upn());
        cluster.only("a");
        long servedByA = cluster.balancer().requestsServed("a");
        password.enter(officer.password());
        assertThat(ApplicationPage.afterSignIn(verifyApp(browser)).signedInUser())
                .isEqualTo(officer.username());
        assertThat(cluster.balancer().requestsServed("a")).as("requests the restarted node served")
                .isGreaterThan(servedByA);
    }

    private static Browser open(List<Browser> browsers, String name) {
        Browser browser = Browser.open(ItSettings.outputDir().resolve("screenshots/ClusterFailoverIT/" + name));
        browsers.add(browser);
        return browser;
    }

    /** Types the app code into the second-factor page the browser shows (or is about to show). */
    private static Browser verifyApp(Browser browser) {
        new SecondFactorPage(browser).enter(RealmAdmin.appCode());
        return browser;
    }
}
