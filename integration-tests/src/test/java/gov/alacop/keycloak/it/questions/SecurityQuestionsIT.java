package gov.alacop.keycloak.it.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.pages.SecurityQuestionsPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.PhoneJourneys;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("Setting up security questions")
class SecurityQuestionsIT {

    static final int[] FIRST_FIVE = {0, 1, 2, 3, 4};

    static TestUser officerToSetUpQuestions(RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Selina", "Kyle").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        user.setRequiredActions(List.of("alacop-security-questions-setup"));
        admin.realm().users().get(officer.id()).update(user);
        return officer;
    }

    static SecurityQuestionsPage signIn(Browser browser, TestApplication application, TestUser officer) {
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        return new SecurityQuestionsPage(browser);
    }

    @Test
    @DisplayName("five questions from a list of 20, five answers: saved as hashes only, never shown or logged")
    void setUp(Browser browser, TestApplication application, RealmAdmin admin, KeycloakServer server) {
        TestUser officer = officerToSetUpQuestions(admin);
        SecurityQuestionsPage page = signIn(browser, application, officer);
        assertThat(page.title()).isEqualTo("Set up security questions");
        assertThat(page.offeredQuestions()).hasSize(20).contains("What was the name of your first pet?");

        String[] answers = {"Montgomery Zq7", "Rex Zq7", "Smith Zq7", "Dothan Elementary Zq7", "Tuscaloosa Zq7"};
        assertThat(page.save(FIRST_FIVE, answers).signedInUser()).isEqualTo(officer.username());

        List<CredentialRepresentation> stored = admin.realm().users().get(officer.id()).credentials().stream()
                .filter(c -> "alacop-security-questions".equals(c.getType())).toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getCredentialData()).contains("q01", "q05");
        List<EventRepresentation> events = admin.realm().getEvents(List.of("UPDATE_CREDENTIAL"), null, officer.id(),
                null, null, null, 0, 10);
        assertThat(events).anySatisfy(e -> assertThat(e.getDetails())
                .containsEntry("credential_type", "alacop-security-questions"));
        String log = server.logText();
        for (String answer : answers) {
            assertThat(stored.get(0).getCredentialData()).doesNotContainIgnoringCase(answer);
            assertThat(log).doesNotContainIgnoringCase(answer);
            assertThat(events.toString()).doesNotContainIgnoringCase(answer);
        }
    }

    @Test
    @DisplayName("the same answer twice, in another case and spacing, is refused; answers are not shown again")
    void duplicateAnswers(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officerToSetUpQuestions(admin);
        SecurityQuestionsPage refused = signIn(browser, application, officer).saveRefused(FIRST_FIVE,
                new String[] {"Birmingham", "  BIRMINGHAM ", "Rex", "Smith", "Dothan"});
        assertThat(refused.fieldError("answer2")).hasValue("Use a different answer for each question.");
        assertThat(refused.fieldError("answer1")).isEmpty();
        assertThat(refused.selectedQuestion(2)).isEqualTo("What was the name of your first pet?");
        assertThat(refused.answerValue(1)).isEmpty();
    }

    @Test
    @DisplayName("missing, repeated questions and too short, 10 000-character or HTML answers get clear messages")
    void badInput(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officerToSetUpQuestions(admin);
        SecurityQuestionsPage refused = signIn(browser, application, officer).saveRefused(new int[] {0, 0, -1, 3, 4},
                new String[] {"ab", "x".repeat(10_000), "<script>alert(1)</script>", "<b>Dothan</b>", "Smith"});
        assertThat(refused.fieldError("question2")).hasValue("Choose a question you haven't chosen above.");
        assertThat(refused.fieldError("question3")).hasValue("Choose a question.");
        assertThat(refused.fieldError("answer1")).hasValue("Answers must be 3 to 40 characters.");
        assertThat(refused.fieldError("answer2")).hasValue("Answers must be 3 to 40 characters.");
        assertThat(refused.fieldError("answer3")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("<script>alert(1)").doesNotContain("<b>Dothan");

        // HTML is just text in an answer: the page takes it once the rest is right.
        assertThat(refused.save(FIRST_FIVE, new String[] {"Auburn", "Rex", "<script>alert(1)</script>",
                "<b>Dothan</b>", "Smith"}).signedInUser()).isEqualTo(officer.username());
    }

    @Test
    @DisplayName("answers made only of combining accents or zero-width characters are too short once normalized")
    void invisibleAnswers(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officerToSetUpQuestions(admin);
        signIn(browser, application, officer);
        String[] answers = {"\u0301\u0301\u0301\u0301", "\u200B\u200B\u200B\u200B", "Ab\u200D\u2060\u200B", "Smith",
            "Dothan"};
        // Set by script: chromedriver's key events do not carry lone combining marks reliably.
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        for (int i = 0; i < 5; i++) {
            new Select(browser.driver().findElement(By.id("question" + (i + 1)))).selectByIndex(FIRST_FIVE[i] + 1);
            script.executeScript("arguments[0].value = arguments[1];",
                    browser.driver().findElement(By.id("answer" + (i + 1))), answers[i]);
        }
        WebElement html = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("alacop-questions-save")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(html));

        SecurityQuestionsPage refused = new SecurityQuestionsPage(browser);
        assertThat(refused.fieldError("answer1")).hasValue("Answers must be 3 to 40 characters.");
        assertThat(refused.fieldError("answer2")).hasValue("Answers must be 3 to 40 characters.");
        assertThat(refused.fieldError("answer3")).hasValue("Answers must be 3 to 40 characters.");
        assertThat(refused.fieldError("answer4")).isEmpty();
        assertThat(admin.realm().users().get(officer.id()).credentials()).noneMatch(
                c -> "alacop-security-questions".equals(c.getType()));
    }

    @Test
    @DisplayName("security questions are never offered as a way to sign in")
    void neverForSignIn(Browser browser, TestApplication application, RealmAdmin admin) {
        TestUser officer = officerToSetUpQuestions(admin);
        signIn(browser, application, officer).save(FIRST_FIVE,
                new String[] {"Auburn", "Rex", "Smith", "Dothan", "Mobile"});
        PhoneJourneys.forgetSession(browser);
        // With questions only, the password is the whole sign-in: no second-factor page appears.
        PasswordPage password = ApplicationPage.startSignIn(browser, application).next(officer.upn());
        assertThat(password.signIn(officer.password()).signedInUser()).isEqualTo(officer.username());
    }
}
