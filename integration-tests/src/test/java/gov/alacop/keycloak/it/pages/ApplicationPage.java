package gov.alacop.keycloak.it.pages;

import java.util.Arrays;

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
     * The application after the last sign-in step. Where the enrollment wizard or "Stay signed in?" come on the way,
     * they are answered "Skip setup" and "No" (the session ends with the browser), so journeys that are not about
     * those pages are unaffected by them.
     */
    public static ApplicationPage afterSignIn(Browser browser) {
        skipEnrollmentIfAsked(browser, By.id("app-title"), By.id(StaySignedInPage.FORM_ID));
        if (!browser.driver().findElements(By.id(StaySignedInPage.FORM_ID)).isEmpty()) {
            return new StaySignedInPage(browser).no();
        }
        return new ApplicationPage(browser);
    }

    /**
     * Waits for one of the expected pages or the enrollment wizard; answers the wizard with "Skip setup" (offered
     * while the officer's agency is not enforced) and waits again.
     */
    public static void skipEnrollmentIfAsked(Browser browser, By... expected) {
        By wizard = By.id(EnrollmentPage.FORM_ID);
        browser.waiting().until(d -> !d.findElements(wizard).isEmpty()
                || Arrays.stream(expected).anyMatch(by -> !d.findElements(by).isEmpty()));
        if (!browser.driver().findElements(wizard).isEmpty()) {
            new EnrollmentPage(browser).skip();
            browser.waiting().until(d -> Arrays.stream(expected).anyMatch(by -> !d.findElements(by).isEmpty()));
        }
    }

    /** Opens the application, which sends the browser to the AlaCOP sign-in. */
    public static IdentifierPage startSignIn(Browser browser, TestApplication application) {
        browser.open(application.loginUrl());
        return new IdentifierPage(browser);
    }

    /** The access token the application received (the test application keeps it in a hidden element). */
    public String accessToken() {
        signedInUser();
        return browser.driver().findElement(By.id("app-access-token")).getAttribute("textContent");
    }

    /** The ID token the application received. */
    public String idToken() {
        signedInUser();
        return browser.driver().findElement(By.id("app-id-token")).getAttribute("textContent");
    }

    public String signedInUser() {
        var errors = browser.driver().findElements(By.id("app-error"));
        if (!errors.isEmpty()) {
            throw new AssertionError("The application reports a failed sign-in: " + errors.get(0).getText());
        }
        return browser.driver().findElement(By.id("app-user")).getText();
    }
}
