package gov.alacop.keycloak.it.pages;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import gov.alacop.keycloak.it.support.Browser;

/** What every themed AlaCOP page has: the brand header, the footer links, the WARNING banner, the support contact. */
public abstract class AlaCopPage {

    protected final Browser browser;

    protected AlaCopPage(Browser browser, By marker, String screenshotName) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(marker));
        browser.screenshot(screenshotName);
    }

    public String title() {
        return text(By.id("kc-page-title"));
    }

    public String warningBanner() {
        return text(By.id("alacop-warning"));
    }

    public String supportContact() {
        return text(By.id("alacop-support"));
    }

    public WebElement registrationLink() {
        return browser.driver().findElement(By.id("alacop-registration-link"));
    }

    public WebElement helpCenterLink() {
        return browser.driver().findElement(By.id("alacop-help-center-link"));
    }

    public WebElement brandLogo() {
        return browser.driver().findElement(By.cssSelector(".alacop-brand img"));
    }

    /** The account shown above the title on pages about a signed-in officer (no way back), if any. */
    public Optional<String> accountShown() {
        return first(By.id("alacop-account-upn")).map(WebElement::getText);
    }

    /** Whether the page offers Cancel (a setup opened from an application: kc_action). */
    public boolean cancelOffered() {
        return first(By.id("kc-cancel")).isPresent();
    }

    /** Brings the page's buttons into view and takes a screenshot at desktop and phone widths. */
    public void screenshotButtons(String name) {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('.alacop-form .alacop-actions:last-of-type').scrollIntoView({block: 'center'});");
            browser.screenshot(name + (size.equals(Browser.PHONE) ? "-phone" : "-desktop"));
        }
        browser.resize(Browser.DESKTOP);
    }

    /** Cancel: back to the application without saving. */
    public ApplicationPage cancel() {
        press(By.id("kc-cancel"));
        return ApplicationPage.afterSignIn(browser);
    }

    /** The tab title the browser shows. */
    public String tabTitle() {
        return browser.driver().getTitle();
    }

    /** The page-level alert (e.g. an error that belongs to no field), if any. */
    public Optional<String> alert() {
        return first(By.id("kc-alert")).map(WebElement::getText);
    }

    /** The error shown under a field, if any. */
    public Optional<String> fieldError(String field) {
        return first(By.id("input-error-" + field)).map(WebElement::getText);
    }

    /** Types into a field (replacing what it held) and presses the page's primary button. */
    protected void fillAndSubmit(String fieldId, String value) {
        type(fieldId, value);
        press(By.id("kc-login"));
    }

    protected void type(String fieldId, String value) {
        type(browser.driver().findElement(By.id(fieldId)), value);
    }

    /** Replaces a field's value; long values (bad-input tests) are set by script, sendKeys of 10 000 keys is slow. */
    protected void type(WebElement field, String value) {
        field.clear();
        if (value.length() > 200) {
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", field, value);
        } else {
            field.sendKeys(value);
        }
    }

    /**
     * Clicks a button or link that loads a new page and waits until the old page is gone, so that the next page
     * object never reads the previous page (the same page often comes back, e.g. with an error).
     */
    protected void press(By target) {
        WebElement current = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(target).click();
        browser.waiting().until(d -> gone(current));
    }

    /** Chrome reports a replaced document either as stale or as a node that "does not belong to the document". */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    protected String text(By by) {
        return browser.driver().findElement(by).getText().strip();
    }

    protected Optional<WebElement> first(By by) {
        List<WebElement> found = browser.driver().findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
}
