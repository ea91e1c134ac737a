package gov.alacop.keycloak.themes.signout;

/**
 * What the sign-out pages show, prepared in Java so the templates only display: the account being signed out,
 * the registered address of the previous application (if any), and where the "please wait" page goes next.
 */
public final class SignOutBean {

    private final Account account;
    private final String previousApplicationUrl;
    private final String continueUrl;

    public SignOutBean(Account account, String previousApplicationUrl, String continueUrl) {
        this.account = account;
        this.previousApplicationUrl = previousApplicationUrl;
        this.continueUrl = continueUrl;
    }

    /** The account's name, or null when no account is known. */
    public String getAccountName() {
        return account == null ? null : account.name();
    }

    /** The account's UPN, or null when no account is known. */
    public String getAccountUpn() {
        return account == null ? null : account.upn();
    }

    /** A registered address of the application the officer signed out from, or null. */
    public String getPreviousApplicationUrl() {
        return previousApplicationUrl;
    }

    /**
     * Where the "please wait" page sends the browser once the applications' front-channel sign-outs have loaded,
     * when the application asked to go back to a registered address; null to show the signed-out message instead.
     */
    public String getContinueUrl() {
        return continueUrl;
    }
}
