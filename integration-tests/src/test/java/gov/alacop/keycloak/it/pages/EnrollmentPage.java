package gov.alacop.keycloak.it.pages;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import gov.alacop.keycloak.it.support.Browser;

/** "Keep your account secure": progress, the proposed method, a different method, Skip setup, the confirmation. */
public final class EnrollmentPage extends AlaCopPage {

    static final String FORM_ID = "alacop-enrollment-form";

    public EnrollmentPage(Browser browser) {
        super(browser, By.id(FORM_ID), "enrollment");
    }

    public String progress() {
        return text(By.id("alacop-enroll-progress"));
    }

    public List<String> doneMethods() {
        return browser.driver().findElements(By.cssSelector("#alacop-enroll-done li")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    public Optional<String> proposed() {
        return first(By.id("alacop-enroll-proposed")).map(e -> e.getText().strip());
    }

    public boolean confirmation() {
        return first(By.id("alacop-enroll-finish")).isPresent();
    }

    public boolean skipOffered() {
        return first(By.id("alacop-enroll-skip")).isPresent();
    }

    public Optional<String> requiredNotice() {
        return first(By.id("alacop-enroll-required")).map(e -> e.getText().strip());
    }

    /** Sets up the proposed method (the app first). */
    public void next() {
        press(By.id("alacop-enroll-next"));
    }

    public EnrollmentPage differentMethod() {
        press(By.id("alacop-enroll-different"));
        return new EnrollmentPage(browser);
    }

    public List<String> offeredMethods() {
        return new Select(browser.driver().findElement(By.id("method"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    /** On the "different method" step: picks a method from the list and confirms. */
    public void choose(String methodId) {
        new Select(browser.driver().findElement(By.id("method"))).selectByValue(methodId);
        press(By.id("alacop-enroll-confirm"));
    }

    public void skip() {
        press(By.id("alacop-enroll-skip"));
    }

    public ApplicationPage done() {
        press(By.id("alacop-enroll-finish"));
        return ApplicationPage.afterSignIn(browser);
    }

    /** Posts the wizard's form with values the page does not offer (a forged request). */
    public EnrollmentPage forge(String action, String method) {
        WebElement current = browser.driver().findElement(By.tagName("html"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "const f = document.getElementById('alacop-enrollment-form');"
                        + "f.querySelectorAll('[name=action],[name=method]').forEach(e => e.remove());"
                        + "for (const [n, v] of [['action', arguments[0]], ['method', arguments[1]]]) {"
                        + "  const i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v;"
                        + "  f.appendChild(i); }"
                        + "f.submit();", action, method);
        browser.waiting().until(d -> {
            try {
                current.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        return new EnrollmentPage(browser);
    }
}
