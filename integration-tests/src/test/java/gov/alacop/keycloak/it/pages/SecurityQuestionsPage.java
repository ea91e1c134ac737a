package gov.alacop.keycloak.it.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import gov.alacop.keycloak.it.support.Browser;

/** "Set up security questions": five dropdowns, five answers, "Done". */
public final class SecurityQuestionsPage extends AlaCopPage {

    public SecurityQuestionsPage(Browser browser) {
        super(browser, By.cssSelector("#alacop-questions-form select#question1"), "security-questions");
    }

    /** The texts of the offered questions (without the placeholder). */
    public List<String> offeredQuestions() {
        return new Select(browser.driver().findElement(By.id("question1"))).getOptions().stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(WebElement::getText).toList();
    }

    /** Picks the questions by position in the list (0-based; -1 leaves the row unpicked) and types the answers. */
    public void fill(int[] questionIndexes, String[] answers) {
        for (int i = 0; i < 5; i++) {
            Select select = new Select(browser.driver().findElement(By.id("question" + (i + 1))));
            if (questionIndexes[i] >= 0) {
                select.selectByIndex(questionIndexes[i] + 1);
            }
            type("answer" + (i + 1), answers[i]);
        }
        press(By.id("alacop-questions-save"));
    }

    public ApplicationPage save(int[] questionIndexes, String[] answers) {
        fill(questionIndexes, answers);
        return ApplicationPage.afterSignIn(browser);
    }

    public SecurityQuestionsPage saveRefused(int[] questionIndexes, String[] answers) {
        fill(questionIndexes, answers);
        return new SecurityQuestionsPage(browser);
    }

    public String selectedQuestion(int row) {
        return new Select(browser.driver().findElement(By.id("question" + row))).getFirstSelectedOption().getText();
    }

    public String answerValue(int row) {
        return browser.driver().findElement(By.id("answer" + row)).getAttribute("value");
    }
}
