package gov.alacop.keycloak.it.pages;

import org.openqa.selenium.By;

import gov.alacop.keycloak.it.support.Browser;

/** Keycloak's "Delete ...?" confirmation that the account console opens to remove a credential. */
public final class DeleteCredentialPage extends AlaCopPage {

    public DeleteCredentialPage(Browser browser) {
        super(browser, By.id("kc-accept"), "delete-credential");
    }

    public String text() {
        return text(By.id("kc-delete-text"));
    }

    /** Confirms; the caller reads the next page (the application, or an error). */
    public void accept() {
        press(By.id("kc-accept"));
    }
}
