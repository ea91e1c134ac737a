package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;

import gov.alacop.keycloak.it.support.Browser;

/** "Enter code" after a text or call to the phone being set up. */
public final class PhoneCodePage extends AlaCopPage {

    public PhoneCodePage(Browser browser) {
        super(browser, By.cssSelector("#alacop-phone-form input#code"), "phone-code");
    }

    public String intro() {
        return text(By.id("alacop-phone-intro"));
    }

    public void enter(String code) {
        type("code", code);
        press(By.id("alacop-phone-verify"));
    }

    public ApplicationPage verify(String code) {
        enter(code);
        return ApplicationPage.afterSignIn(browser);
    }

    public PhoneCodePage verifyRefused(String code) {
        enter(code);
        return new PhoneCodePage(browser);
    }

    public PhoneCodePage resendText() {
        press(By.id("alacop-phone-resend-text"));
        return new PhoneCodePage(browser);
    }

    public PhoneCodePage callInstead() {
        press(By.id("alacop-phone-resend-voice"));
        return new PhoneCodePage(browser);
    }

    /** Cancel is offered only for a setup an application asked for ({@code kc_action}). */
    public boolean offersCancel() {
        return !browser.driver().findElements(By.id("kc-cancel")).isEmpty();
    }

    /** Cancel: back to the application that asked for the setup, nothing saved. */
    public ApplicationPage cancel() {
        press(By.id("kc-cancel"));
        return new ApplicationPage(browser);
    }

    public PhoneNumberPage useDifferentNumber() {
        press(By.id("alacop-phone-change"));
        return new PhoneNumberPage(browser);
    }

    public PhoneCodePage refresh() {
        browser.driver().navigate().refresh();
        return new PhoneCodePage(browser);
    }

    /** Where the page's form posts (for tests that post to it outside the page). */
    public String formAction() {
        return browser.driver().findElement(By.cssSelector("form[method=post]")).getAttribute("action");
    }
}
