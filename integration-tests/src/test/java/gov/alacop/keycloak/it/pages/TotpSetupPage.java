package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Set up your authenticator app": QR code, the key as text, "Download now", a code to finish. */
public final class TotpSetupPage extends AlaCopPage {

    public TotpSetupPage(Browser browser) {
        super(browser, By.cssSelector("#kc-totp-settings-form input#totp"), "totp-setup");
    }

    public String key() {
        return text(By.id("kc-totp-secret-key"));
    }

    public WebElement qrCode() {
        return browser.driver().findElement(By.id("kc-totp-secret-qr-code"));
    }

    public WebElement downloadNow() {
        return browser.driver().findElement(By.id("alacop-totp-download"));
    }

    public void enter(String code) {
        type("totp", code);
        press(By.id("saveTOTPBtn"));
    }

    public ApplicationPage finish(String code) {
        enter(code);
        return ApplicationPage.afterSignIn(browser);
    }

    public TotpSetupPage finishRefused(String code) {
        enter(code);
        return new TotpSetupPage(browser);
    }
}
