package gov.alacop.keycloak.requiredactions.password;

/** Field names and message keys of the "Update your password" page. */
final class PasswordForm {

    static final String CURRENT = "password";
    static final String NEW = "password-new";
    static final String CONFIRM = "password-confirm";

    /** Template attribute: the page asks for the current password (a forced change, as in the guide). */
    static final String ASK_CURRENT_ATTRIBUTE = "alacopAskCurrentPassword";
    /** Template attribute: the officer's address, shown above the title. */
    static final String ACCOUNT_ATTRIBUTE = "alacopAccount";

    static final String MSG_CURRENT_REQUIRED = "alacopCurrentPasswordRequired";
    static final String MSG_CURRENT_INVALID = "alacopCurrentPasswordInvalid";
    static final String MSG_NEW_REQUIRED = "alacopNewPasswordRequired";
    static final String MSG_CONFIRM_MISMATCH = "alacopConfirmPasswordMismatch";
    static final String MSG_TEMPORARY_PATTERN = "alacopNewPasswordTemporaryPattern";

    private PasswordForm() {
    }
}
