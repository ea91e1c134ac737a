package gov.alacop.keycloak.it.pages;

import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Update your password": current password (on a forced change), new password, confirmation. */
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

    public Optional<String> lead() {
        return first(By.id("alacop-update-password-lead")).map(WebElement::getText);
    }

    /** Fills the form (the current password only where the page asks for it) and submits it. */
    public void enter(String current, String newPassword, String confirmation) {
        if (current != null && asksForCurrentPassword()) {
            type("password", current);
        }
        type("password-new", newPassword);
        type("password-confirm", confirmation);
        press(By.id("kc-submit"));
    }

    public void enter(String newPassword, String confirmation) {
        enter(null, newPassword, confirmation);
    }

    public UpdatePasswordPage refused(String newPassword, String screenshotName) {
        enter(newPassword, newPassword);
        return new UpdatePasswordPage(browser, screenshotName);
    }

    public UpdatePasswordPage refused(String current, String newPassword, String confirmation, String screenshotName) {
        enter(current, newPassword, confirmation);
        return new UpdatePasswordPage(browser, screenshotName);
    }

    public ApplicationPage accepted(String current, String newPassword) {
        enter(current, newPassword, newPassword);
        return ApplicationPage.afterSignIn(browser);
    }

    /** The refusal as shown: the error under the new-password field, or else the page alert. */
    public Optional<String> refusal() {
        Optional<String> field = fieldError("password-new");
        return field.isPresent() ? field : alert();
    }

    /** Everything the form shows, for assertions on messages wherever the page puts them. */
    public String formText() {
        return text(By.id("kc-passwd-update-form")) + "\n" + alert().orElse("");
    }
}
