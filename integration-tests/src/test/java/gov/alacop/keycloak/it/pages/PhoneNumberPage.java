package gov.alacop.keycloak.it.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.support.Browser;

/** "Set up your phone": number, text or voice, "Send code". */
public final class PhoneNumberPage extends AlaCopPage {

    public PhoneNumberPage(Browser browser) {
        super(browser, By.cssSelector("#alacop-phone-form input#phoneNumber"), "phone-number");
    }

    public WebElement numberField() {
        return browser.driver().findElement(By.id("phoneNumber"));
    }

    public String hint() {
        return text(By.id("phoneNumber-hint"));
    }

    public String landlineWarning() {
        return text(By.id("channel-hint"));
    }

    /** The labels of the text / voice choice, in page order. */
    public List<String> channelChoices() {
        return browser.driver().findElements(By.cssSelector("#channel-group label")).stream()
                .map(WebElement::getText).toList();
    }

    /** Cancel is offered only for a setup an application asked for ({@code kc_action}). */
    public boolean offersCancel() {
        return !browser.driver().findElements(By.id("kc-cancel")).isEmpty();
    }

    public void enter(String number, String channel) {
        type(numberField(), number);
        browser.driver().findElement(By.id("channel-" + channel)).click();
        press(By.id("alacop-phone-send"));
    }

    public PhoneCodePage sendCode(String number, String channel) {
        enter(number, channel);
        return new PhoneCodePage(browser);
    }

    public PhoneNumberPage sendCodeRefused(String number, String channel) {
        enter(number, channel);
        return new PhoneNumberPage(browser);
    }
}
