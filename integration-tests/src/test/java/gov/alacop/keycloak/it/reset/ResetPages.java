package gov.alacop.keycloak.it.reset;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import gov.alacop.keycloak.it.pages.AlaCopPage;
import gov.alacop.keycloak.it.support.Browser;

/** Page objects of "Can't access your account?" (the AlaCOP reset flow). */
final class ResetPages {

    private ResetPages() {
    }

    /**
     * The page's visible structure: element ids and texts, with the shown identifier and the last digits of a phone
     * number blanked out.
     */
    static String structure(Browser browser, String identifier) {
        StringBuilder out = new StringBuilder();
        for (WebElement element : browser.driver().findElements(By.cssSelector("main [id], main label, main a, main button"))) {
            out.append(element.getTagName()).append('#').append(element.getAttribute("id")).append(':')
                    .append(element.getText().replace(identifier, "<identifier>").replaceAll("•••\\d{4}", "•••####"))
                    .append('\n');
        }
        return out.toString();
    }

    /** "Can't access your account?": the AlaCOP e-mail address, "Next". */
    static final class IdentifierStep extends AlaCopPage {
        IdentifierStep(Browser browser) {
            super(browser, By.cssSelector("#alacop-reset-identifier-form input#username"), "reset-identifier");
        }

        ProofStep next(String identifier) {
            type("username", identifier);
            press(By.id("alacop-reset-next"));
            return new ProofStep(browser);
        }
    }

    /** "Verify your identity": an app, text or voice code, or security questions. */
    static final class ProofStep extends AlaCopPage {
        ProofStep(Browser browser) {
            super(browser, By.id("alacop-reset-proof-form"), "reset-proof");
        }

        boolean asksForCode() {
            return !browser.driver().findElements(By.id("code")).isEmpty();
        }

        /** The words above the code field or the questions. */
        String intro() {
            return text(By.id("alacop-reset-proof-intro"));
        }

        ProofStep refresh() {
            browser.driver().navigate().refresh();
            return new ProofStep(browser);
        }

        ProofStep resend() {
            press(By.id("alacop-reset-resend"));
            return new ProofStep(browser);
        }

        String shownAccount() {
            return text(By.id("alacop-account-upn"));
        }

        /** The texts of the questions asked (the answer fields' labels). */
        List<String> questions() {
            return browser.driver().findElements(By.cssSelector("#alacop-reset-proof-form label[for^=answer]")).stream()
                    .map(e -> e.getText().strip()).toList();
        }

        void submitCode(String code) {
            type("code", code);
            press(By.id("alacop-reset-proof-verify"));
        }

        void submitAnswers(List<String> answers) {
            for (int i = 0; i < answers.size(); i++) {
                type("answer" + (i + 1), answers.get(i));
            }
            press(By.id("alacop-reset-proof-verify"));
        }

        ProofStep code(String code) {
            submitCode(code);
            return new ProofStep(browser);
        }

        ProofStep answers(List<String> answers) {
            submitAnswers(answers);
            return new ProofStep(browser);
        }

        boolean offersOtherWays() {
            return !browser.driver().findElements(By.id("alacop-reset-other-ways")).isEmpty();
        }

        List<String> otherWays() {
            press(By.id("alacop-reset-other-ways"));
            return browser.driver().findElements(By.cssSelector("#alacop-reset-ways button")).stream()
                    .map(WebElement::getText).toList();
        }

        ProofStep choose(String method) {
            press(By.id("alacop-reset-way-" + method));
            return new ProofStep(browser);
        }

        HelpDeskStep cannotUseAny() {
            press(By.id("alacop-reset-no-method"));
            return new HelpDeskStep(browser);
        }

        /**
         * Keycloak's "restart" address for this tab (what the back link of the sign-in pages opens): the form's
         * address with /login-actions/restart in place of the flow and only the client and tab parameters.
         */
        String restartUrl() {
            java.net.URI action = java.net.URI.create(formAction());
            StringBuilder query = new StringBuilder();
            for (String pair : action.getRawQuery().split("&")) {
                if (pair.startsWith("client_id=") || pair.startsWith("tab_id=") || pair.startsWith("client_data=")) {
                    query.append(query.isEmpty() ? "?" : "&").append(pair);
                }
            }
            String path = action.getRawPath().replaceFirst("/login-actions/.*$", "/login-actions/restart");
            return action.getScheme() + "://" + action.getRawAuthority() + path + query;
        }

        String formAction() {
            return browser.driver().findElement(By.id("alacop-reset-proof-form")).getAttribute("action");
        }
    }

    /** "Update your password" at the end of the reset. */
    static final class PasswordStep extends AlaCopPage {
        PasswordStep(Browser browser) {
            super(browser, By.id("alacop-reset-password-form"), "reset-password");
        }

        void submit(String password, String confirmation) {
            type("password-new", password);
            type("password-confirm", confirmation);
            press(By.id("alacop-reset-save"));
        }
    }

    /** "We can't verify your identity online". */
    static final class HelpDeskStep extends AlaCopPage {
        HelpDeskStep(Browser browser) {
            super(browser, By.id("alacop-reset-help-desk"), "reset-help-desk");
        }

        String message() {
            return text(By.id("alacop-reset-help-desk"));
        }
    }
}
