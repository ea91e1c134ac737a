package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Stay signed in?" with "Don't show this again", No / Yes: the last step of a sign-in. */
public final class StaySignedInPage extends AlaCopPage {

    public static final String FORM_ID = "alacop-stay-signed-in-form";

    public StaySignedInPage(Browser browser) {
        super(browser, By.id(FORM_ID), "stay-signed-in");
    }

    public String account() {
        return text(By.id("alacop-account-upn"));
    }

    public String explanation() {
        return text(By.id("alacop-stay-signed-in-text"));
    }

    public WebElement dontShowAgain() {
        return browser.driver().findElement(By.id("alacop-dont-show-again"));
    }

    public String dontShowAgainLabel() {
        return text(By.cssSelector("label[for=alacop-dont-show-again]"));
    }

    public WebElement yesButton() {
        return browser.driver().findElement(By.id("alacop-stay-signed-in-yes"));
    }

    public WebElement noButton() {
        return browser.driver().findElement(By.id("alacop-stay-signed-in-no"));
    }

    public StaySignedInPage checkDontShowAgain() {
        if (!dontShowAgain().isSelected()) {
            browser.driver().findElement(By.cssSelector("label[for=alacop-dont-show-again]")).click();
        }
        return this;
    }

    public ApplicationPage yes() {
        press(By.id("alacop-stay-signed-in-yes"));
        return new ApplicationPage(browser);
    }

    public ApplicationPage no() {
        press(By.id("alacop-stay-signed-in-no"));
        return new ApplicationPage(browser);
    }

    /** Answers "No" where the sign-in does not return to the test application (e.g. the account console). */
    public void answerNo() {
        press(By.id("alacop-stay-signed-in-no"));
    }
}
