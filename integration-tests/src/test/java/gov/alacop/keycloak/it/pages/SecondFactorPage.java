package gov.alacop.keycloak.it.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Verify your identity": a code from the app, a text or a call; "Sign in another way". */
public final class SecondFactorPage extends AlaCopPage {

    public SecondFactorPage(Browser browser) {
        super(browser, By.cssSelector("#alacop-second-factor-form input#code"), "second-factor");
    }

    public String intro() {
        return text(By.id("alacop-second-factor-intro"));
    }

    public void enter(String code) {
        type("code", code);
        press(By.id("alacop-second-factor-verify"));
    }

    public ApplicationPage verify(String code) {
        enter(code);
        return ApplicationPage.afterSignIn(browser);
    }

    public SecondFactorPage verifyRefused(String code) {
        enter(code);
        return new SecondFactorPage(browser);
    }

    public boolean offersOtherWays() {
        return !browser.driver().findElements(By.id("alacop-second-factor-other-ways")).isEmpty();
    }

    /** Opens "Sign in another way" and returns the labels of the choices. */
    public List<String> otherWays() {
        press(By.id("alacop-second-factor-other-ways"));
        SecondFactorPage open = new SecondFactorPage(browser);
        return open.browser.driver().findElements(By.cssSelector("#alacop-other-ways button")).stream()
                .map(WebElement::getText).toList();
    }

    /** After {@link #otherWays()}: picks app, text or voice. */
    public SecondFactorPage choose(String method) {
        press(By.id("alacop-way-" + method));
        return new SecondFactorPage(browser);
    }

    public SecondFactorPage resend() {
        press(By.id("alacop-second-factor-resend"));
        return new SecondFactorPage(browser);
    }

    public SecondFactorPage refresh() {
        browser.driver().navigate().refresh();
        return new SecondFactorPage(browser);
    }

    /** Where the page's form posts (for tests that post to it outside the page). */
    public String formAction() {
        return browser.driver().findElement(By.cssSelector("form[method=post]")).getAttribute("action");
    }
}
