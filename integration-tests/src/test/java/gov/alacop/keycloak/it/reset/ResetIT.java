package gov.alacop.keycloak.it.reset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.SecondFactorPage;
import gov.alacop.keycloak.it.pages.SecurityQuestionsPage;
import gov.alacop.keycloak.it.reset.ResetPages.HelpDeskStep;
import gov.alacop.keycloak.it.reset.ResetPages.IdentifierStep;
import gov.alacop.keycloak.it.reset.ResetPages.PasswordStep;
import gov.alacop.keycloak.it.reset.ResetPages.ProofStep;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Axe;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.FormSignIn;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.Outbox;
import gov.alacop.keycloak.it.support.Pause;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

import io.restassured.http.ContentType;

@AlaCopKeycloak
@DisplayName("\"Can't access your account?\": self-service reset with two proofs, no e-mail, no enumeration")
class ResetIT {

    static final String FLOW = "alacop reset credentials";
    static final String HELP_DESK = "We can't verify your identity online. Contact your help desk at the ALEA Support "
            + "Center, 1-844-838-9028 or ALEA-Support@alea.gov.";
    static final String DONE = "Your password has been changed. Sign in with your new password.";

    /** The officers' five questions by id, with their answers. */
    static final Map<String, String> ANSWERS_BY_ID = new LinkedHashMap<>();
    /** The same answers by the questions' text (the answer fields' labels). */
    static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        String[][] questions = {
                {"q01", "In what city were you born?", "prichard"},
                {"q02", "What was the name of your first pet?", "rex the dog"},
                {"q03", "What is your mother's maiden name?", "wetherby"},
                {"q04", "What was the name of your elementary school?", "oak park"},
                {"q05", "In what city did your parents meet?", "selma"}};
        for (String[] question : questions) {
            ANSWERS_BY_ID.put(question[0], question[2]);
            ANSWERS.put(question[1], question[2]);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RealmAdmin.AppCodes codes = new RealmAdmin.AppCodes();

    @Test
    @DisplayName("app code + security questions, new password, then a normal sign-in with it and the app; "
            + "the other session ends; events name methods only; every page passes axe at both widths")
    void appAndQuestions(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofDays(2)), true);
        // Another session of the officer (as if signed in on another device), and an offline token.
        admin.passwordGrantToken(officer);
        String offline = admin.passwordGrantOfflineToken(officer);
        assertThat(admin.realm().users().get(officer.id()).getUserSessions()).isNotEmpty();
        assertThat(admin.refreshStatus(offline)).isEqualTo(200);

        List<String> violations = new ArrayList<>();
        IdentifierStep start = startReset(browser, application);
        assertThat(start.title()).isEqualTo("Can't access your account?");
        violations.addAll(Axe.blockingViolations(browser, "reset-identifier"));

        ProofStep proof = start.next(officer.username().toUpperCase());
        assertThat(proof.title()).isEqualTo("Verify your identity");
        assertThat(proof.shownAccount()).isEqualTo(officer.upn());
        assertThat(proof.asksForCode()).isTrue();
        violations.addAll(Axe.blockingViolations(browser, "reset-proof-app"));
        String appCode = codes.next();
        proof = proof.code(appCode);

        assertThat(proof.asksForCode()).isFalse();
        List<String> asked = proof.questions();
        assertThat(asked).hasSize(3).doesNotHaveDuplicates().allMatch(ANSWERS::containsKey);
        violations.addAll(Axe.blockingViolations(browser, "reset-proof-questions"));
        List<String> answers = asked.stream().map(q -> " " + ANSWERS.get(q).toUpperCase() + " ").toList();
        proof.submitAnswers(answers);

        PasswordStep password = new PasswordStep(browser);
        assertThat(password.title()).isEqualTo("Update your password");
        violations.addAll(Axe.blockingViolations(browser, "reset-password"));
        password.submit("Short#1a", "Short#1a");
        password = new PasswordStep(browser);
        assertThat(password.fieldError("password-new")).isPresent();
        String newPassword = "Reset#Gotham-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
        password.submit(newPassword, newPassword);

        IdentifierPage signIn = new IdentifierPage(browser);
        assertThat(signIn.alert()).contains(DONE);
        violations.addAll(Axe.blockingViolations(browser, "reset-done"));
        assertThat(admin.realm().users().get(officer.id()).getUserSessions()).as("sessions after the reset").isEmpty();
        assertThat(admin.refreshStatus(offline)).as("the offline token after the reset").isEqualTo(400);

        signIn.next(officer.upn()).enter(newPassword);
        ApplicationPage app = new SecondFactorPage(browser).verify(codes.next());
        assertThat(app.signedInUser()).isEqualTo(officer.username());
        assertThat(violations).isEmpty();

        List<EventRepresentation> events = resetEvents(admin, officer);
        assertThat(events).extracting(e -> e.getDetails().get("alacop_reset"))
                .contains("started", "proof_passed", "succeeded");
        assertThat(events).filteredOn(e -> "succeeded".equals(e.getDetails().get("alacop_reset")))
                .singleElement().satisfies(e -> assertThat(e.getDetails()).containsEntry("alacop_proofs", "app,questions"));
        assertThat(events).filteredOn(e -> "refused".equals(e.getDetails().get("alacop_reset")))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("alacop_rule", "length"));
        String eventText = JSON.valueToTree(events).toString();
        assertThat(eventText).as("events").doesNotContain(appCode);
        List<String> secrets = new ArrayList<>(List.of(newPassword, "Short#1a", officer.password()));
        secrets.addAll(ANSWERS.values());
        String everything = eventText + server.logText();
        for (String secret : secrets) {
            assertThat(everything).as("events and server log").doesNotContainIgnoringCase(secret);
        }
    }

    @Test
    @DisplayName("a sign-in in flight elsewhere (password typed, second factor next) cannot finish after a reset")
    void inFlightSignInEnds(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofDays(2)), true);
        FormSignIn elsewhere = FormSignIn.atPasswordPage(server, "lets", application.baseUrl() + "/callback",
                officer.upn());
        assertThat(elsewhere.submit("password=" + URLEncoder.encode(officer.password(), StandardCharsets.UTF_8))
                .body()).contains("alacop-second-factor-form");

        ProofStep proof = startReset(browser, application).next(officer.upn()).code(codes.next());
        proof.submitAnswers(proof.questions().stream().map(ANSWERS::get).toList());
        String newPassword = "Reset#Hub-City-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
        new PasswordStep(browser).submit(newPassword, newPassword);
        assertThat(new IdentifierPage(browser).alert()).contains(DONE);

        HttpResponse<String> after = elsewhere.submit("code=" + codes.next());
        assertThat(after.headers().firstValue("Location")).as("no way on to the application").isEmpty();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Your password was changed. Sign in with your new password.")
                .doesNotContain("alacop-second-factor-form");
    }

    @Test
    @DisplayName("the one-proof configuration asks for one code only")
    void oneProof(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofDays(2)), false);
        Map<String, String> before = proofsConfig(admin, Map.of("proofs", "1"));
        try {
            ProofStep proof = startReset(browser, application).next(officer.upn());
            assertThat(proof.asksForCode()).isTrue();
            proof.submitCode(codes.next());
            PasswordStep password = new PasswordStep(browser);
            browser.resize(Browser.PHONE);
            browser.screenshot("reset-password-phone");
            browser.resize(Browser.DESKTOP);
            String newPassword = "Reset#Metropolis-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
            password.submit(newPassword, newPassword);
            IdentifierPage signIn = new IdentifierPage(browser);
            assertThat(signIn.alert()).contains(DONE);
            signIn.next(officer.upn()).enter(newPassword);
            assertThat(new SecondFactorPage(browser).verify(codes.next()).signedInUser()).isEqualTo(officer.username());
        } finally {
            proofsConfig(admin, before);
        }
    }

    @Test
    @DisplayName("an unknown identifier gets the same pages as an officer with the same methods, stable decoys, "
            + "nothing sent, and the help desk after as many tries as lock an account")
    void unknownLooksLikeKnown(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        String unknown = TestUsers.freshUsername("zz") + "@alacop.gov";
        int sentBefore = server.outbox().allCodes().size();

        ProofStep decoy = startReset(browser, application).next(unknown);
        assertThat(decoy.shownAccount()).isEqualTo(unknown);
        String decoyFirst = ResetPages.structure(browser, unknown);
        List<String> decoyWaysAsShown = decoy.otherWays();
        List<String> decoyWays = masked(decoyWaysAsShown);
        String decoyWaysOpen = ResetPages.structure(browser, unknown);
        decoy = decoy.code("000000");
        String decoyRefused = ResetPages.structure(browser, unknown);
        assertThat(server.outbox().allCodes()).as("nothing sent for an unknown identifier").hasSize(sentBefore);

        // A real officer with the methods the decoy shows gets pages of the same structure.
        TestUsers.Builder same = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs")
                .withPasswordSetAt(Instant.now().minus(Duration.ofDays(2)));
        List<String> shown = new ArrayList<>(decoyWays);
        shown.add(decoyFirst);
        String methods = String.join("\n", shown);
        if (methods.contains("authenticator app")) {
            same.withTotp();
        }
        if (methods.contains("Text •••") || methods.contains("Call •••") || methods.contains("texted")
                || methods.contains("calling")) {
            same.withPhone(PhoneJourneys.Number.fresh().e164(), decoyFirst.contains("calling") ? "voice" : "text");
        }
        if (methods.contains("security questions")) {
            same.withSecurityQuestions(ANSWERS_BY_ID);
        }
        TestUser officer = same.create(admin);
        browser.open(server.realmUrl() + "/login-actions/restart");
        ProofStep known = startReset(browser, application).next(officer.upn());
        assertThat(ResetPages.structure(browser, officer.upn())).isEqualTo(decoyFirst);
        assertThat(masked(known.otherWays())).isEqualTo(decoyWays);
        assertThat(ResetPages.structure(browser, officer.upn())).isEqualTo(decoyWaysOpen);
        known = known.code("000000".equals(codes.next()) ? "111111" : "000000");
        assertThat(ResetPages.structure(browser, officer.upn())).isEqualTo(decoyRefused);
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
        int sentToOthers = server.outbox().allCodes().size();

        // Asked again, the same identifier shows the same methods and questions from the same five.
        browser.open(server.realmUrl() + "/login-actions/restart");
        ProofStep again = startReset(browser, application).next(unknown);
        assertThat(ResetPages.structure(browser, unknown)).isEqualTo(decoyFirst);
        assertThat(again.otherWays()).as("the same decoy phone digits too").isEqualTo(decoyWaysAsShown);
        Set<String> seen = new HashSet<>();
        ProofStep questions = again;
        if (decoyWays.contains("Answer my security questions")) {
            questions = new ProofStep(browser).choose("questions");
            for (int i = 0; i < 4; i++) {
                seen.addAll(questions.questions());
                Pause.millis(1100);
                questions = questions.answers(List.of("a wrong one", "another one", "third one"));
                assertThat(questions.alert()).isPresent();
            }
            assertThat(seen).hasSizeLessThanOrEqualTo(5);
            Pause.millis(1100);
            questions.submitAnswers(List.of("a wrong one", "another one", "third one"));
        } else {
            // With the first session's try, the 5th failure (which would lock an account), then the try after it.
            for (int i = 0; i < 4; i++) {
                Pause.millis(1100);
                questions = questions.code("000000");
            }
            Pause.millis(1100);
            questions.submitCode("000000");
        }
        HelpDeskStep end = new HelpDeskStep(browser);
        assertThat(end.message()).isEqualTo(HELP_DESK);
        assertThat(end.title()).isEqualTo("We can't verify your identity online");
        assertThat(Axe.blockingViolations(browser, "reset-help-desk")).isEmpty();
        assertThat(server.outbox().allCodes()).as("nothing sent for an unknown identifier").hasSize(sentToOthers);

        List<EventRepresentation> errors = admin.realm().getEvents(List.of("RESET_PASSWORD_ERROR"), null, null, null,
                null, null, 0, 500);
        assertThat(errors).anySatisfy(e -> assertThat(e.getError()).isEqualTo("alacop_reset_help_desk"));
        assertThat(errors).filteredOn(e -> e.getDetails() != null)
                .noneSatisfy(e -> assertThat(e.getDetails().values()).contains(unknown));
    }

    @Test
    @DisplayName("officers who cannot reset online (questions only, a pending temporary password, disabled) see "
            + "the same kind of pages, end at the help desk, and nothing is sent to their phones")
    void cannotResetOnline(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        PhoneJourneys.Number temporaryPhone = PhoneJourneys.Number.fresh();
        PhoneJourneys.Number disabledPhone = PhoneJourneys.Number.fresh();
        TestUser questionsOnly = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs")
                .withSecurityQuestions(ANSWERS_BY_ID).create(admin);
        // As the help desk issued it (TemporaryPasswordExpiryIT): the officer has not chosen a password yet.
        TestUser temporary = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs")
                .withPasswordSetAt(Instant.now().minus(Duration.ofHours(1)))
                .withPasswordLabel("AlaCOP temporary password")
                .withTotp().withPhone(temporaryPhone.e164(), "text").withSecurityQuestions(ANSWERS_BY_ID).create(admin);
        TestUser disabled = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs").disabled()
                .withTotp().withPhone(disabledPhone.e164(), "text").withSecurityQuestions(ANSWERS_BY_ID).create(admin);

        for (TestUser officer : List.of(questionsOnly, temporary, disabled)) {
            browser.open(server.realmUrl() + "/login-actions/restart");
            ProofStep proof = startReset(browser, application).next(officer.upn());
            assertThat(proof.title()).isEqualTo("Verify your identity");
            assertThat(proof.shownAccount()).isEqualTo(officer.upn());
            assertThat(proof.cannotUseAny().message()).as(officer.username()).isEqualTo(HELP_DESK);
        }
        assertThat(server.outbox().count(temporaryPhone.e164())).isZero();
        assertThat(server.outbox().count(disabledPhone.e164())).isZero();
        assertThat(admin.realm().getEvents(List.of("RESET_PASSWORD_ERROR"), null, temporary.id(), null, null, null, 0, 50))
                .anySatisfy(e -> assertThat(e.getError()).isEqualTo("alacop_reset_help_desk"));
    }

    @Test
    @DisplayName("wrong answers: a new pick each time; wrong codes and answers are failures of brute-force "
            + "protection, the 5th locks the account, a locked account ends at the help desk and stays locked")
    void wrongAnswersAndCodesLock(Browser browser, TestApplication application, RealmAdmin admin,
            KeycloakServer server) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofDays(2)), true);
        ProofStep proof = startReset(browser, application).next(officer.upn());
        proof = proof.code("000000".equals(codes.next()) ? "111111" : "000000");
        assertThat(proof.fieldError("code")).hasValueSatisfying(e -> assertThat(e).contains("isn't right"));
        assertThat(proof.otherWays()).containsExactly("Answer my security questions");
        proof = new ProofStep(browser).choose("questions");
        List<String> previous = proof.questions();
        for (int i = 1; i <= 3; i++) {
            Pause.millis(1100);
            proof = proof.answers(List.of("wrong answer", "wrong again", "still wrong"));
            assertThat(proof.alert()).hasValueSatisfying(a -> assertThat(a).contains("isn't right"));
            List<String> now = proof.questions();
            assertThat(now).hasSize(3).allMatch(ANSWERS::containsKey);
            assertThat(new HashSet<>(now)).as("try %d", i).isNotEqualTo(new HashSet<>(previous));
            previous = now;
        }
        Map<String, Object> status = admin.realm().attackDetection().bruteForceUserStatus(officer.id());
        assertThat(((Number) status.get("numFailures")).intValue()).isEqualTo(4);
        assertThat(status.get("disabled")).isEqualTo(false);

        Pause.millis(1100);
        proof = proof.answers(List.of("wrong answer", "wrong again", "still wrong"));
        status = admin.realm().attackDetection().bruteForceUserStatus(officer.id());
        assertThat(((Number) status.get("numFailures")).intValue()).isEqualTo(5);
        assertThat(status.get("disabled")).as("locked after the 5th failure").isEqualTo(true);
        // Right answers now change nothing: the locked account ends at the help desk.
        proof.submitAnswers(proof.questions().stream().map(ANSWERS::get).toList());
        assertThat(new HelpDeskStep(browser).message()).isEqualTo(HELP_DESK);

        // A new reset of the locked account goes no further, and does not unlock it.
        browser.open(server.realmUrl() + "/login-actions/restart");
        ProofStep again = startReset(browser, application).next(officer.upn());
        again.submitCode(codes.next());
        assertThat(new HelpDeskStep(browser).message()).isEqualTo(HELP_DESK);
        assertThat(admin.realm().attackDetection().bruteForceUserStatus(officer.id()).get("disabled")).isEqualTo(true);
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
    }

    @Test
    @DisplayName("a restart in the middle of the reset starts over at the identifier with no proof carried over")
    void restartStartsOver(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofDays(2)), true);
        ProofStep proof = startReset(browser, application).next(officer.upn()).code(codes.next());
        assertThat(proof.asksForCode()).isFalse();
        String questionsAction = proof.formAction();

        browser.open(proof.restartUrl());
        IdentifierPage signIn = new IdentifierPage(browser);
        signIn.cantAccessLink().click();
        ProofStep again = new IdentifierStep(browser).next(officer.upn());
        assertThat(again.asksForCode()).as("the app proof is asked again").isTrue();

        // The old questions page's form no longer takes answers.
        int status = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("answer1", "x").post(questionsAction).statusCode();
        assertThat(status).isNotEqualTo(302);
    }

    @Test
    @DisplayName("within 24 hours of the last change the reset is refused with the time it becomes possible")
    void minimumAge(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofHours(1)), true);
        ProofStep proof = startReset(browser, application).next(officer.upn()).code(codes.next());
        proof.submitAnswers(proof.questions().stream().map(ANSWERS::get).toList());
        PasswordStep password = new PasswordStep(browser);
        String newPassword = "Reset#Smallville-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
        password.submit(newPassword, newPassword);
        password = new PasswordStep(browser);
        assertThat(password.fieldError("password-new"))
                .hasValueSatisfying(e -> assertThat(e).matches("You can change your password again after .+ on .+\\."));
        assertThat(resetEvents(admin, officer)).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("RESET_PASSWORD_ERROR");
            assertThat(e.getDetails()).containsEntry("alacop_rule", "min_age");
        });
    }

    @Test
    @DisplayName("text code + security questions, then a sign-in with the new password and a text code")
    void textAndQuestions(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        PhoneJourneys.Number number = PhoneJourneys.Number.fresh();
        TestUser officer = officerWithPhone(admin, number, "text");
        List<String> violations = new ArrayList<>();

        ProofStep proof = startReset(browser, application).next(officer.upn());
        assertThat(proof.intro()).isEqualTo("We texted your phone •••" + number.lastFour()
                + ". Enter the code to reset your password.");
        violations.addAll(Axe.blockingViolations(browser, "reset-proof-text"));
        Outbox.Message text = server.outbox().await(number.e164(), 0);
        assertThat(text.channel()).isEqualTo("text");
        assertThat(proof.refresh().intro()).as("a refresh sends nothing").contains("texted");
        assertThat(server.outbox().count(number.e164())).isEqualTo(1);
        proof = proof.code(text.code());

        List<String> asked = proof.questions();
        assertThat(asked).hasSize(3);
        proof.submitAnswers(asked.stream().map(ANSWERS::get).toList());
        String newPassword = "Reset#Central-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
        new PasswordStep(browser).submit(newPassword, newPassword);

        IdentifierPage signIn = new IdentifierPage(browser);
        assertThat(signIn.alert()).contains(DONE);
        signIn.next(officer.upn()).enter(newPassword);
        SecondFactorPage second = new SecondFactorPage(browser);
        assertThat(second.intro()).contains("texted");
        assertThat(second.verify(server.outbox().await(number.e164(), 1).code()).signedInUser())
                .isEqualTo(officer.username());
        assertThat(violations).isEmpty();
        assertThat(resetEvents(admin, officer)).filteredOn(e -> "succeeded".equals(e.getDetails().get("alacop_reset")))
                .singleElement().satisfies(e -> assertThat(e.getDetails()).containsEntry("alacop_proofs", "text,questions"));
    }

    @Test
    @DisplayName("app code + voice code (the phone's preferred channel), then a sign-in with the new password and the app")
    void voiceAndApp(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        PhoneJourneys.Number number = PhoneJourneys.Number.fresh();
        TestUser officer = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs")
                .withPasswordSetAt(Instant.now().minus(Duration.ofDays(2)))
                .withTotp().withPhone(number.e164(), "voice").create(admin);

        ProofStep proof = startReset(browser, application).next(officer.upn());
        assertThat(proof.asksForCode()).isTrue();
        assertThat(proof.intro()).contains("authenticator app");
        assertThat(server.outbox().count(number.e164())).as("nothing sent before the phone is chosen").isZero();
        proof = proof.code(codes.next());

        assertThat(proof.intro()).isEqualTo("We're calling your phone •••" + number.lastFour()
                + ". Enter the code you hear to reset your password.");
        assertThat(Axe.blockingViolations(browser, "reset-proof-voice")).isEmpty();
        Outbox.Message call = server.outbox().await(number.e164(), 0);
        assertThat(call.channel()).isEqualTo("voice");
        assertThat(proof.otherWays()).as("the phone's other way; the app is proven already")
                .containsExactly("Text •••" + number.lastFour());
        proof.submitCode(call.code());

        String newPassword = "Reset#Keystone-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
        new PasswordStep(browser).submit(newPassword, newPassword);
        IdentifierPage signIn = new IdentifierPage(browser);
        assertThat(signIn.alert()).contains(DONE);
        signIn.next(officer.upn()).enter(newPassword);
        assertThat(new SecondFactorPage(browser).verify(codes.next()).signedInUser()).isEqualTo(officer.username());
        assertThat(resetEvents(admin, officer)).filteredOn(e -> "succeeded".equals(e.getDetails().get("alacop_reset")))
                .singleElement().satisfies(e -> assertThat(e.getDetails()).containsEntry("alacop_proofs", "app,voice"));
    }

    @Test
    @DisplayName("a code sent for sign-in is refused by a reset proof, even while a reset code is out; the cooldown "
            + "of the sign-in's text holds for the reset")
    void signInCodeRefused(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        PhoneJourneys.Number number = PhoneJourneys.Number.fresh();
        TestUser officer = officerWithPhone(admin, number, "text");
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        new SecondFactorPage(browser);
        String signInCode = server.outbox().await(number.e164(), 0).code();

        PhoneJourneys.forgetSession(browser);
        ProofStep proof = startReset(browser, application).next(officer.upn());
        assertThat(proof.alert()).as("the same cluster-wide cooldown as sign-in")
                .hasValueSatisfying(a -> assertThat(a).startsWith("Wait "));
        assertThat(server.outbox().count(number.e164())).isEqualTo(1);
        proof = proof.code(signInCode);
        assertThat(proof.fieldError("code")).as("no reset code yet").isPresent();

        proof.otherWays();
        proof = new ProofStep(browser).choose("voice");
        String resetCode = server.outbox().await(number.e164(), 1).code();
        assertThat(resetCode).isNotEqualTo(signInCode);
        Pause.millis(1100);
        proof = proof.code(signInCode);
        assertThat(proof.fieldError("code")).hasValueSatisfying(e -> assertThat(e).contains("isn't right"));
        assertThat(((Number) admin.realm().attackDetection().bruteForceUserStatus(officer.id()).get("numFailures"))
                .intValue()).as("wrong codes are counted").isEqualTo(2);
        proof = proof.code(resetCode);
        assertThat(proof.questions()).hasSize(3);
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
    }

    @Test
    @DisplayName("keyboard only: identifier, app code, answers, new password, each with Tab and Enter")
    void keyboardOnly(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officer(admin, Instant.now().minus(Duration.ofDays(2)), true);
        IdentifierPage signIn = ApplicationPage.startSignIn(browser, application);
        focusByTab(browser, "alacop-cant-access");
        keys(browser, Keys.ENTER);
        new IdentifierStep(browser);
        assertThat(focusedId(browser)).isEqualTo("username");
        keys(browser, officer.upn(), Keys.ENTER);
        ProofStep proof = new ProofStep(browser);
        assertThat(focusedId(browser)).isEqualTo("code");
        keys(browser, codes.next(), Keys.ENTER);
        proof = new ProofStep(browser);
        List<String> asked = proof.questions();
        assertThat(focusedId(browser)).isEqualTo("answer1");
        keys(browser, ANSWERS.get(asked.get(0)), Keys.TAB, ANSWERS.get(asked.get(1)), Keys.TAB,
                ANSWERS.get(asked.get(2)), Keys.ENTER);
        new PasswordStep(browser);
        assertThat(focusedId(browser)).isEqualTo("password-new");
        String newPassword = "Reset#Coast-City-" + UUID.randomUUID().toString().substring(0, 6) + "Aa1";
        keys(browser, newPassword, Keys.TAB);
        if (!"password-confirm".equals(focusedId(browser))) {
            focusByTab(browser, "password-confirm");
        }
        keys(browser, newPassword, Keys.ENTER);
        assertThat(new IdentifierPage(browser).alert()).contains(DONE);
        assertThat(signIn).isNotNull();
    }

    @Test
    @DisplayName("wrong answers take as long for an unknown identifier as for an officer (dummy hashes)")
    void timingAlike(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        // Answers hashed by the bundle itself (the questions setup), so both paths hash with the realm's algorithm.
        TestUser officer = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs").withTotp()
                .withRequiredActions("alacop-security-questions-setup").create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        new SecondFactorPage(browser).enter(codes.next());
        new SecurityQuestionsPage(browser).save(new int[] {0, 1, 2, 3, 4},
                ANSWERS.values().toArray(new String[0]));
        PhoneJourneys.forgetSession(browser);

        long known = medianWrongAnswers(browser, application, server, officer.upn());
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
        // An unknown identifier's decoy methods follow from its keyed hash: some decoys have no questions.
        Long decoy = null;
        for (int tries = 0; decoy == null && tries < 10; tries++) {
            decoy = medianWrongAnswers(browser, application, server, TestUsers.freshUsername("zz") + "@alacop.gov");
        }
        assertThat(decoy).as("an unknown identifier whose decoy offers questions, in 10 tries").isNotNull();
        assertThat(decoy.doubleValue()).as("unknown %d ms vs known %d ms", decoy, known)
                .isBetween(known * 0.5, known * 2.0 + 50);
        admin.realm().attackDetection().clearBruteForceForUser(officer.id());
    }

    /**
     * Median time in ms of 4 wrong answer submissions (the lockout comes at 5), questions chosen first; null when
     * the identifier's methods have no questions.
     */
    private Long medianWrongAnswers(Browser browser, TestApplication application, KeycloakServer server, String who) {
        browser.open(server.realmUrl() + "/login-actions/restart");
        ProofStep proof = startReset(browser, application).next(who);
        if (proof.asksForCode()) {
            if (!proof.otherWays().contains("Answer my security questions")) {
                return null;
            }
            proof = new ProofStep(browser).choose("questions");
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pause.millis(1100);
            long start = System.nanoTime();
            proof = proof.answers(List.of("not the answer", "nor this one", "nor that"));
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    /** The last digits of phone numbers blanked out, as in {@link ResetPages#structure}. */
    private static List<String> masked(List<String> texts) {
        return texts.stream().map(t -> t.replaceAll("•••\\d{4}", "•••####")).toList();
    }

    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static String focusedId(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    private static void focusByTab(Browser browser, String id) {
        for (int i = 0; i < 25 && !id.equals(focusedId(browser)); i++) {
            keys(browser, Keys.TAB);
        }
        assertThat(focusedId(browser)).isEqualTo(id);
    }

    private static IdentifierStep startReset(Browser browser, TestApplication application) {
        IdentifierPage signIn = ApplicationPage.startSignIn(browser, application);
        signIn.cantAccessLink().click();
        return new IdentifierStep(browser);
    }

    private static List<EventRepresentation> resetEvents(RealmAdmin admin, TestUser officer) {
        return admin.realm().getEvents(List.of("RESET_PASSWORD", "RESET_PASSWORD_ERROR"), null, officer.id(), null,
                null, null, 0, 200).stream().filter(e -> e.getDetails() != null).toList();
    }

    /** Sets the proof step's settings; returns the previous ones. */
    private static Map<String, String> proofsConfig(RealmAdmin admin, Map<String, String> changes) {
        AuthenticationExecutionInfoRepresentation proofs = admin.realm().flows().getExecutions(FLOW).stream()
                .filter(e -> "alacop-reset-proofs".equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = admin.realm().flows().getAuthenticatorConfig(proofs.getAuthenticationConfig());
        Map<String, String> before = new HashMap<>(config.getConfig());
        Map<String, String> after = new HashMap<>(before);
        after.putAll(changes);
        config.setConfig(after);
        admin.realm().flows().updateAuthenticatorConfig(config.getId(), config);
        return before;
    }

    /** An officer with the app and (if asked) the five questions, whose password was set at {@code passwordSet}. */
    static TestUser officer(RealmAdmin admin, Instant passwordSet, boolean withQuestions) {
        TestUsers.Builder officer = TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs")
                .withPasswordSetAt(passwordSet).withTotp();
        if (withQuestions) {
            officer.withSecurityQuestions(ANSWERS_BY_ID);
        }
        return officer.create(admin);
    }

    /** An officer with a verified phone (preferring {@code channel}) and the five questions, no app. */
    static TestUser officerWithPhone(RealmAdmin admin, PhoneJourneys.Number number, String channel) {
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
        return TestUsers.officer("Kara", "Danvers").withUsernamePrefix("rs")
                .withPasswordSetAt(Instant.now().minus(Duration.ofDays(2)))
                .withPhone(number.e164(), channel).withSecurityQuestions(ANSWERS_BY_ID).create(admin);
    }
}
