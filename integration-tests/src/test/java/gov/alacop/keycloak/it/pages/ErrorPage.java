package gov.alacop.keycloak.it.pages;

import java.util.List;

import org.openqa.selenium.By;

import gov.alacop.keycloak.it.support.Browser;

/** Keycloak's error page in the AlaCOP frame ("We are sorry..."). */
public final class ErrorPage extends AlaCopPage {

    public ErrorPage(Browser browser) {
        super(browser, By.id("kc-error-message"), "error");
    }

    public String message() {
        return text(By.id("kc-error-message"));
    }

    public List<String> linkTargets() {
        return browser.driver().findElements(By.cssSelector("a[href]")).stream().map(a -> a.getAttribute("href")).toList();
    }
}
