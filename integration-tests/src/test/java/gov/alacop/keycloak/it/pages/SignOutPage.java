package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Pick an account to sign out": the account's name and UPN on a tile that signs it out. */
public final class SignOutPage extends AlaCopPage {

    public SignOutPage(Browser browser) {
        super(browser, By.id("alacop-sign-out-form"), "sign-out");
    }

    /** Opens the realm's RP-initiated logout endpoint with the given query (may be empty). */
    public static SignOutPage open(Browser browser, String realmUrl, String query) {
        browser.open(realmUrl + "/protocol/openid-connect/logout" + (query.isEmpty() ? "" : "?" + query));
        return new SignOutPage(browser);
    }

    public String accountName() {
        return text(By.id("alacop-sign-out-name"));
    }

    public String accountUpn() {
        return text(By.id("alacop-sign-out-upn"));
    }

    public WebElement signOutButton() {
        return browser.driver().findElement(By.id("kc-logout"));
    }

    public void signOut() {
        press(By.id("kc-logout"));
    }
}
