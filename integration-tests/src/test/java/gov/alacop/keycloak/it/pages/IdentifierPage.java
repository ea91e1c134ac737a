package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Sign in": the AlaCOP e-mail address (UPN) or username, then "Next". */
public final class IdentifierPage extends AlaCopPage {

    public IdentifierPage(Browser browser) {
        super(browser, By.cssSelector("#kc-form-login input#username"), "identifier");
    }

    public WebElement identifierField() {
        return browser.driver().findElement(By.id("username"));
    }

    public String identifierLabel() {
        return text(By.cssSelector("label[for=username]"));
    }

    public WebElement cantAccessLink() {
        return browser.driver().findElement(By.id("alacop-cant-access"));
    }

    public void enter(String identifier) {
        fillAndSubmit("username", identifier);
    }

    public PasswordPage next(String identifier) {
        enter(identifier);
        return new PasswordPage(browser);
    }

    /** Submits something the page refuses and returns the page showing its message. */
    public IdentifierPage nextRefused(String identifier) {
        enter(identifier);
        return new IdentifierPage(browser);
    }
}
