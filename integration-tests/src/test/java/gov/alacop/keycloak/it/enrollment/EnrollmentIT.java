package gov.alacop.keycloak.it.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.EnrollmentPage;
import gov.alacop.keycloak.it.pages.PhoneCodePage;
import gov.alacop.keycloak.it.pages.PhoneNumberPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.SecurityQuestionsPage;
import gov.alacop.keycloak.it.pages.TotpSetupPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.PhoneJourneys.Number;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;
import gov.alacop.keycloak.it.support.Totp;

/**
 * "Keep your account secure". The realm ships the wizard disabled (so the other journeys are not interrupted):
 * each test enables and configures it, and disables it afterwards.
 */
@AlaCopKeycloak
@DisplayName("Two-method enrollment: wizard, skip and agency rollout")
class EnrollmentIT {

    static final String ACTION = "alacop-mfa-enrollment";
    static final String OPEN_ORI = "AL0010000";
    static final String ENFORCED_ORI = "ALENF0001";
    static final String FUTURE_ORI = "ALFUT0001";
    static final String ALL_METHODS = "app,phone,questions";
    static final int[] FIRST_FIVE = {0, 1, 2, 3, 4};
    static final String[] ANSWERS = {"Montgomery Zq7", "Rex Zq7", "Smith Zq7", "Dothan Elementary Zq7", "Tuscaloosa Zq7"};

    @AfterEach
    void restoreShippedWizard(RealmAdmin admin, KeycloakServer server) {
        restoreShipped(admin, server);
    }

    @Test
    @DisplayName("app + phone: the app is proposed first, the phone comes after it, a confirmation lists both")
    void appAndPhone(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        TestUser officer = TestUsers.officer("Hal", "Jordan").withOri(OPEN_ORI).toEnroll().create(admin);

        EnrollmentPage wizard = signIn(browser, application, officer);
        assertThat(wizard.title()).isEqualTo("Keep your account secure");
        assertThat(wizard.progress()).isEqualTo("Method 0 of 2 set up");
        assertThat(wizard.proposed()).hasValue("Start by setting up: Authenticator app");
        assertThat(wizard.skipOffered()).isTrue();
        wizard.next();
        TotpSetupPage totp = new TotpSetupPage(browser);
        totp.enter(Totp.code(totp.key(), Instant.now()));

        wizard = new EnrollmentPage(browser);
        browser.screenshot("after-app");
        assertThat(wizard.progress()).isEqualTo("Method 1 of 2 set up");
        assertThat(wizard.doneMethods()).containsExactly("Authenticator app");
        assertThat(wizard.proposed()).hasValue("Next, set up: Phone");
        wizard.next();
        setUpPhone(browser, server);

        wizard = new EnrollmentPage(browser);
        browser.screenshot("confirmation");
        assertThat(wizard.confirmation()).isTrue();
        assertThat(wizard.progress()).isEqualTo("Method 2 of 2 set up");
        assertThat(wizard.doneMethods()).containsExactly("Authenticator app", "Phone");
        assertThat(wizard.done().signedInUser()).isEqualTo(officer.username());
        assertThat(credentialTypes(admin, officer)).contains("otp", "alacop-phone");
        assertThat(enrollmentSteps(admin, officer)).contains("started", "method_added", "completed");
    }

    @Test
    @DisplayName("phone + questions through 'I want to set up a different method'; questions alone do not finish")
    void phoneAndQuestions(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        TestUser officer = TestUsers.officer("Wally", "West").withOri(OPEN_ORI).toEnroll().create(admin);

        EnrollmentPage wizard = signIn(browser, application, officer).differentMethod();
        browser.screenshot("different-method");
        assertThat(wizard.offeredMethods()).containsExactly("app", "phone", "questions");
        wizard.choose("questions");
        new SecurityQuestionsPage(browser).fill(FIRST_FIVE, ANSWERS);

        wizard = new EnrollmentPage(browser);
        browser.screenshot("questions-only");
        assertThat(wizard.confirmation()).isFalse();
        assertThat(wizard.progress()).isEqualTo("Method 1 of 2 set up");
        assertThat(wizard.doneMethods()).containsExactly("Security questions");
        // Questions alone never complete it: the second method must be the app or the phone.
        wizard = wizard.differentMethod();
        assertThat(wizard.offeredMethods()).containsExactly("app", "phone");
        wizard.choose("phone");
        setUpPhone(browser, server);

        wizard = new EnrollmentPage(browser);
        assertThat(wizard.doneMethods()).containsExactly("Phone", "Security questions");
        assertThat(wizard.done().signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("a browser closed after the first method: the next sign-in resumes at the second")
    void resumes(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        TestUser officer = TestUsers.officer("Kyle", "Rayner").withOri(OPEN_ORI).toEnroll().create(admin);
        EnrollmentPage wizard = signIn(browser, application, officer).differentMethod();
        wizard.choose("questions");
        new SecurityQuestionsPage(browser).fill(FIRST_FIVE, ANSWERS);
        new EnrollmentPage(browser);

        PhoneJourneys.forgetSession(browser);
        wizard = signIn(browser, application, officer);
        browser.screenshot("resumed");
        assertThat(wizard.progress()).isEqualTo("Method 1 of 2 set up");
        assertThat(wizard.doneMethods()).containsExactly("Security questions");
        assertThat(wizard.proposed()).hasValue("Next, set up: Authenticator app");
    }

    @Test
    @Tag("smoke")
    @DisplayName("Skip setup: no prompt at a sign-in within 24 hours, the wizard again after them")
    void skip(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        TestUser officer = TestUsers.officer("John", "Stewart").withOri(OPEN_ORI).toEnroll().create(admin);
        signIn(browser, application, officer).skip();
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isEqualTo(officer.username());
        String skippedAt = attribute(admin, officer, "alacopMfaSkippedAt");
        assertThat(Long.parseLong(skippedAt)).isCloseTo(System.currentTimeMillis(), Offset.offset(120_000L));
        assertThat(enrollmentSteps(admin, officer)).contains("skipped");

        PhoneJourneys.forgetSession(browser);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isEqualTo(officer.username());

        // 25 hours later (the skip moved into the past).
        setAttribute(admin, officer, "alacopMfaSkippedAt",
                Long.toString(Instant.now().minus(25, ChronoUnit.HOURS).toEpochMilli()));
        PhoneJourneys.forgetSession(browser);
        EnrollmentPage again = signIn(browser, application, officer);
        assertThat(again.title()).isEqualTo("Keep your account secure");
    }

    @Test
    @DisplayName("an enforced ORI: no Skip, the page says why, and a forged skip is refused")
    void enforced(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        TestUser officer = TestUsers.officer("Guy", "Gardner").withOri(ENFORCED_ORI).toEnroll().create(admin);
        EnrollmentPage wizard = signIn(browser, application, officer);
        assertThat(wizard.skipOffered()).isFalse();
        assertThat(wizard.requiredNotice()).hasValue(
                "Your agency (ORI) requires this setup as part of the MFA rollout: it cannot be skipped.");

        wizard = wizard.forge("skip", "");
        browser.screenshot("forged-skip");
        assertThat(wizard.alert()).hasValueSatisfying(a -> assertThat(a).contains("cannot be skipped"));
        assertThat(attribute(admin, officer, "alacopMfaSkippedAt")).isNull();
    }

    @Test
    @DisplayName("an ORI enforced from a future date may still skip")
    void futureDate(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        TestUser officer = TestUsers.officer("Alan", "Scott").withOri(FUTURE_ORI).toEnroll().create(admin);
        EnrollmentPage wizard = signIn(browser, application, officer);
        assertThat(wizard.skipOffered()).isTrue();
        wizard.skip();
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("a method id that is not in the allow-list is refused")
    void notAllowed(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, "app,phone");
        TestUser officer = TestUsers.officer("Jessica", "Cruz").withOri(OPEN_ORI).toEnroll().create(admin);
        EnrollmentPage wizard = signIn(browser, application, officer).differentMethod();
        assertThat(wizard.offeredMethods()).containsExactly("app", "phone");
        wizard = wizard.forge("setup", "questions");
        browser.screenshot("not-allowed");
        assertThat(wizard.alert()).hasValue("This method cannot be set up here. Choose one of the methods offered.");
        wizard = wizard.forge("setup", "sms-to-fax");
        assertThat(wizard.alert()).hasValue("This method cannot be set up here. Choose one of the methods offered.");
    }

    @Test
    @DisplayName("* in the rollout means everyone: also an officer without an ORI (whose own default is skippable)")
    void everyoneIncludesNoOri(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS, "*");
        TestUser officer = TestUsers.officer("Kilowog", "Bolovax").withOri(null).toEnroll().create(admin);
        EnrollmentPage wizard = signIn(browser, application, officer);
        assertThat(wizard.skipOffered()).isFalse();
        wizard = wizard.forge("skip", "");
        assertThat(wizard.alert()).hasValueSatisfying(a -> assertThat(a).contains("cannot be skipped"));
        assertThat(attribute(admin, officer, "alacopMfaSkippedAt")).isNull();
    }

    @Test
    @DisplayName("the administrator's save refuses an unreadable rollout entry, an unknown method and bad calling codes (400)")
    void invalidSettingsRefusedOnSave(RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS);
        for (Map<String, String> bad : List.of(
                Map.of("allowedMethods", ALL_METHODS, "rollout", ENFORCED_ORI + "##AL0020000@2026-13-01"),
                Map.of("allowedMethods", ALL_METHODS, "rollout", "AL002"),
                Map.of("allowedMethods", "app,sms"),
                Map.of("allowedMethods", "app"),
                Map.of("allowedMethods", ALL_METHODS, "snoozeHours", "a day"))) {
            putConfig(admin, server, ACTION, bad).statusCode(400)
                    .body(Matchers.not(Matchers.containsString("Exception")));
        }
        String body = putConfig(admin, server, ACTION,
                Map.of("allowedMethods", ALL_METHODS, "rollout", "AL0020000@2026-13-01")).statusCode(400)
                .extract().asString();
        assertThat(body).contains("AL0020000@2026-13-01");
        String saved = RestAssured.given().auth().oauth2(admin.accessToken())
                .get(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/authentication/required-actions/"
                        + ACTION + "/config").then().statusCode(200).extract().path("config.rollout");
        assertThat(saved).as("nothing saved").isEqualTo(ENFORCED_ORI + "##" + FUTURE_ORI + "@2099-01-01");

        for (String codes : List.of("1;44", "one", "1,999")) {
            putConfig(admin, server, PhoneJourneys.SETUP_ACTION, Map.of("allowedCallingCodes", codes,
                    "defaultRegion", "US")).statusCode(400);
        }
        putConfig(admin, server, PhoneJourneys.SETUP_ACTION, Map.of("allowedCallingCodes", "1",
                "defaultRegion", "US")).statusCode(204);
    }

    @Test
    @DisplayName("a method removed from allowedMethods stops counting: the officer signs in with it once more, then "
            + "must set up an allowed one (no skip)")
    void retiredMethod(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, "app,questions");
        Number number = Number.fresh();
        TestUser officer = PhoneJourneys.officerWithPhone(admin, number, "text");
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        new SecondFactorPage(browser).enter(server.outbox().await(number.e164(), 0).code());

        EnrollmentPage wizard = new EnrollmentPage(browser);
        browser.screenshot("retired-method");
        assertThat(wizard.progress()).isEqualTo("Method 0 of 2 set up");
        assertThat(wizard.skipOffered()).isFalse();
        assertThat(wizard.requiredNotice()).hasValue("The method you signed in with is no longer offered. Set up one "
                + "of the methods offered here to continue: it cannot be skipped.");
        wizard = wizard.forge("skip", "");
        assertThat(wizard.alert()).hasValueSatisfying(a -> assertThat(a).contains("cannot be skipped"));
        wizard = wizard.forge("setup", "phone");
        assertThat(wizard.alert()).hasValue("This method cannot be set up here. Choose one of the methods offered.");
        assertThat(wizard.offeredMethods()).containsExactly("app", "questions");

        wizard.choose("app");
        TotpSetupPage totp = new TotpSetupPage(browser);
        totp.enter(Totp.code(totp.key(), Instant.now()));
        wizard = new EnrollmentPage(browser);
        assertThat(wizard.doneMethods()).containsExactly("Authenticator app");
        assertThat(wizard.skipOffered()).as("an allowed sign-in method is set up: the rest may wait").isTrue();
        wizard.skip();
        assertThat(ApplicationPage.afterSignIn(browser).signedInUser()).isEqualTo(officer.username());
        assertThat(credentialTypes(admin, officer)).contains("otp", "alacop-phone");
    }

    private static ValidatableResponse putConfig(RealmAdmin admin, KeycloakServer server,
            String action, Map<String, String> config) {
        return RestAssured.given().auth().oauth2(admin.accessToken()).contentType("application/json")
                .body(Map.of("config", config))
                .put(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/authentication/required-actions/"
                        + action + "/config")
                .then();
    }

    // --- helpers ---

    private static EnrollmentPage signIn(Browser browser, TestApplication application, TestUser officer) {
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        return new EnrollmentPage(browser);
    }

    private static void setUpPhone(Browser browser, KeycloakServer server) {
        Number number = Number.fresh();
        PhoneCodePage code = new PhoneNumberPage(browser).sendCode(number.national(), "text");
        code.enter(server.outbox().await(number.e164(), 0).code());
    }

    static void configure(RealmAdmin admin, KeycloakServer server, String allowed) {
        configure(admin, server, allowed, ENFORCED_ORI + "##" + FUTURE_ORI + "@2099-01-01");
    }

    /** Enables the wizard with these methods and this rollout ({@code null}: no agency enforced). */
    static void configure(RealmAdmin admin, KeycloakServer server, String allowed, String rollout) {
        Map<String, String> config = new HashMap<>(Map.of(
                "allowedMethods", allowed,
                "enforceUsersWithoutOri", "false",
                "snoozeHours", "24",
                "maxSkips", "0"));
        if (rollout != null) {
            config.put("rollout", rollout);
        }
        putConfig(admin, server, ACTION, config).statusCode(204);
        setEnabled(admin, true);
    }

    /** The wizard as the realm ships it: enabled, every method allowed, no ORI enforced. */
    static void restoreShipped(RealmAdmin admin, KeycloakServer server) {
        configure(admin, server, ALL_METHODS, null);
    }

    static void setEnabled(RealmAdmin admin, boolean enabled) {
        RequiredActionProviderRepresentation action = admin.realm().flows().getRequiredAction(ACTION);
        if (action.isEnabled() != enabled) {
            action.setEnabled(enabled);
            admin.realm().flows().updateRequiredAction(ACTION, action);
        }
    }

    private static List<String> credentialTypes(RealmAdmin admin, TestUser officer) {
        return admin.realm().users().get(officer.id()).credentials().stream().map(c -> c.getType()).toList();
    }

    private static List<String> enrollmentSteps(RealmAdmin admin, TestUser officer) {
        return admin.realm().getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, officer.id(), null, null, null, 0, 100)
                .stream().filter(e -> e.getDetails() != null && ACTION.equals(e.getDetails().get("custom_required_action")))
                .map(e -> e.getDetails().get("enrollment")).toList();
    }

    private static String attribute(RealmAdmin admin, TestUser officer, String name) {
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        return user.getAttributes() == null || user.getAttributes().get(name) == null ? null
                : user.getAttributes().get(name).get(0);
    }

    private static void setAttribute(RealmAdmin admin, TestUser officer, String name, String value) {
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        Map<String, List<String>> attributes = new HashMap<>(user.getAttributes());
        attributes.put(name, List.of(value));
        user.setAttributes(attributes);
        admin.realm().users().get(officer.id()).update(user);
    }
}
