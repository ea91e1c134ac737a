package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Enter password" under "← user@alacop.gov", then "Sign in". */
public final class PasswordPage extends AlaCopPage {

    public PasswordPage(Browser browser) {
        super(browser, By.cssSelector("#kc-form-login input#password"), "password");
    }

    public String shownIdentifier() {
        return text(By.id("kc-attempted-username"));
    }

    public WebElement backLink() {
        return browser.driver().findElement(By.id("reset-login"));
    }

    public WebElement resetPasswordLink() {
        return browser.driver().findElement(By.id("alacop-reset-password"));
    }

    public void enter(String password) {
        fillAndSubmit("password", password);
    }

    /** Signs in and returns to the application (see {@link ApplicationPage#afterSignIn}). */
    public ApplicationPage signIn(String password) {
        enter(password);
        return ApplicationPage.afterSignIn(browser);
    }

    /** Signs in with a correct password and expects "Stay signed in?" next. */
    public StaySignedInPage signInToStaySignedIn(String password) {
        enter(password);
        ApplicationPage.skipEnrollmentIfAsked(browser, By.id(StaySignedInPage.FORM_ID));
        return new StaySignedInPage(browser);
    }

    public PasswordPage signInRefused(String password) {
        enter(password);
        return new PasswordPage(browser);
    }

    public IdentifierPage back() {
        press(By.id("reset-login"));
        return new IdentifierPage(browser);
    }

    /** The page's visible structure: element ids and texts, with the shown identifier blanked out. */
    public String structure() {
        StringBuilder out = new StringBuilder();
        for (WebElement element : browser.driver().findElements(By.cssSelector("main [id], main label, main a, main button"))) {
            out.append(element.getTagName()).append('#').append(element.getAttribute("id")).append(':')
                    .append(element.getText().replace(shownIdentifier(), "<identifier>")).append('\n');
        }
        return out.toString();
    }
}
