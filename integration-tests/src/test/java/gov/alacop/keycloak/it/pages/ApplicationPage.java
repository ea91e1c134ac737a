package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;

import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.TestApplication;

/** The application (the test's stand-in for LETS) after a sign-in: it shows who signed in. */
public final class ApplicationPage {

    private final Browser browser;

    public ApplicationPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(d -> !d.findElements(By.id("app-title")).isEmpty());
        browser.screenshot("application");
    }

    /**
     * The application after the last sign-in step. Where "Stay signed in?" is asked on the way, it is answered "No"
     * (the session ends with the browser), so journeys that are not about that page are unaffected by it.
     */
    public static ApplicationPage afterSignIn(Browser browser) {
        browser.waiting().until(d -> !d.findElements(By.id("app-title")).isEmpty()
                || !d.findElements(By.id(StaySignedInPage.FORM_ID)).isEmpty());
        if (!browser.driver().findElements(By.id(StaySignedInPage.FORM_ID)).isEmpty()) {
            return new StaySignedInPage(browser).no();
        }
        return new ApplicationPage(browser);
    }

    /** Opens the application, which sends the browser to the AlaCOP sign-in. */
    public static IdentifierPage startSignIn(Browser browser, TestApplication application) {
        browser.open(application.loginUrl());
        return new IdentifierPage(browser);
    }

    public String signedInUser() {
        var errors = browser.driver().findElements(By.id("app-error"));
        if (!errors.isEmpty()) {
            throw new AssertionError("The application reports a failed sign-in: " + errors.get(0).getText());
        }
        return browser.driver().findElement(By.id("app-user")).getText();
    }
}
