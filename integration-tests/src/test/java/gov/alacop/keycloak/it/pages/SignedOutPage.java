package gov.alacop.keycloak.it.pages;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "You signed out of your account" with the ways to go on. */
public final class SignedOutPage extends AlaCopPage {

    public SignedOutPage(Browser browser) {
        super(browser, By.id("alacop-signed-out-links"), "signed-out");
    }

    /** "Click here to log in to the previous application again", if offered. */
    public Optional<WebElement> previousApplicationLink() {
        return first(By.id("alacop-previous-application"));
    }

    public WebElement portalLink() {
        return browser.driver().findElement(By.id("alacop-portal"));
    }

    public String closeTabText() {
        return text(By.id("alacop-close-tab"));
    }

    /** Every link target on the page. */
    public List<String> linkTargets() {
        return browser.driver().findElements(By.cssSelector("a[href]")).stream().map(a -> a.getAttribute("href")).toList();
    }
}
