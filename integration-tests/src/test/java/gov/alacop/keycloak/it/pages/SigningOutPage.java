package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;

import gov.alacop.keycloak.it.support.Browser;

/** "Please wait while we sign you out": shown while the applications' front-channel sign-outs load. */
public final class SigningOutPage extends AlaCopPage {

    public SigningOutPage(Browser browser) {
        super(browser, By.id("alacop-signing-out"), "signing-out");
    }

    public String message() {
        return text(By.id("alacop-signing-out-text"));
    }

    public SignedOutPage signedOut() {
        return new SignedOutPage(browser);
    }
}
