package gov.alacop.keycloak.it.pages;

import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Update your password": new password and confirmation (and the current one where the page asks for it). */
public final class UpdatePasswordPage extends AlaCopPage {

    public UpdatePasswordPage(Browser browser) {
        this(browser, "update-password");
    }

    public UpdatePasswordPage(Browser browser, String screenshotName) {
        super(browser, By.id("kc-passwd-update-form"), screenshotName);
    }

    public boolean asksForCurrentPassword() {
        return first(By.id("password")).isPresent();
    }

    public void enter(String newPassword, String confirmation) {
        first(By.id("password-new")).ifPresent(WebElement::clear);
        browser.driver().findElement(By.id("password-new")).sendKeys(newPassword);
        browser.driver().findElement(By.id("password-confirm")).clear();
        browser.driver().findElement(By.id("password-confirm")).sendKeys(confirmation);
        browser.driver().findElement(By.id("kc-submit")).click();
    }

    public UpdatePasswordPage refused(String newPassword, String screenshotName) {
        enter(newPassword, newPassword);
        return new UpdatePasswordPage(browser, screenshotName);
    }

    public ApplicationPage accepted(String newPassword) {
        enter(newPassword, newPassword);
        return new ApplicationPage(browser);
    }

    /** The refusal as shown: the error under the new-password field, or else the page alert. */
    public Optional<String> refusal() {
        Optional<String> field = fieldError("password");
        return field.isPresent() ? field : alert();
    }

    /** Everything the form shows, for assertions on messages wherever the page puts them. */
    public String formText() {
        return text(By.id("kc-passwd-update-form")) + "\n" + alert().orElse("");
    }
}
