package gov.alacop.keycloak.requiredactions.password;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordConfig;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordExpiry;
import gov.alacop.keycloak.common.events.LoginEventDetails;
import gov.alacop.keycloak.common.password.PasswordRules;
import gov.alacop.keycloak.passwordpolicy.minage.PasswordChangeChannel;

/**
 * "Update your password" as in the guide: for a forced change (temporary or expired password, or one an
 * administrator required) it asks for the current password too. Every refusal is shown under its own field.
 * The order keeps refusals cheap: empty and mismatching fields, then the rules that need no hash (length, classes,
 * names, minimum age, the temporary-password pattern), then the current password (one hash), then the history
 * (Keycloak's credential update). A replaced temporary password leaves no entry in the history.
 */
final class AlaCopUpdatePassword extends UpdatePassword {

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(form(context).createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        EventBuilder event = context.getEvent().event(EventType.UPDATE_PASSWORD)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE);
        String current = formData.getFirst(PasswordForm.CURRENT);
        String password = formData.getFirst(PasswordForm.NEW);
        String confirmation = formData.getFirst(PasswordForm.CONFIRM);

        if (password == null || password.isEmpty()) {
            refuse(context, event, Errors.PASSWORD_MISSING, PasswordForm.NEW, PasswordForm.MSG_NEW_REQUIRED);
            return;
        }
        if (!password.equals(confirmation)) {
            refuse(context, event, Errors.PASSWORD_CONFIRM_ERROR, PasswordForm.CONFIRM, PasswordForm.MSG_CONFIRM_MISMATCH);
            return;
        }
        PolicyError cheap = cheapRules(context, user, password);
        if (cheap != null) {
            refuse(context, event.detail(Details.REASON, cheap.getMessage()), Errors.PASSWORD_REJECTED, PasswordForm.NEW,
                    cheap.getMessage(), cheap.getParameters());
            return;
        }
        if (TemporaryPasswordExpiry.followsPattern(TemporaryPasswordConfig.of(context.getRealm()).prefix(), password)) {
            // The issued temporary password is not in the history (its hash would give the SSN digits away), so
            // its shape is refused instead: no temporary-pattern password can be chosen, the issued one included.
            refuse(context, event.detail(Details.REASON, PasswordForm.MSG_TEMPORARY_PATTERN), Errors.PASSWORD_REJECTED,
                    PasswordForm.NEW, PasswordForm.MSG_TEMPORARY_PATTERN);
            return;
        }
        if (asksForCurrentPassword(context)) {
            if (current == null || current.isEmpty()) {
                refuse(context, event, Errors.PASSWORD_MISSING, PasswordForm.CURRENT, PasswordForm.MSG_CURRENT_REQUIRED);
                return;
            }
            if (!user.credentialManager().isValid(UserCredentialModel.password(current))) {
                refuse(context, event, Errors.INVALID_USER_CREDENTIALS, PasswordForm.CURRENT, PasswordForm.MSG_CURRENT_INVALID);
                return;
            }
        }
        PasswordCredentialModel temporary = TemporaryPasswordExpiry.currentPassword(user)
                .filter(TemporaryPasswordExpiry::isTemporary).orElse(null);
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            refuse(context, event.detail(Details.REASON, e.getMessage()), Errors.PASSWORD_REJECTED, PasswordForm.NEW,
                    e.getMessage(), e.getParameters());
            return;
        }
        // Keycloak moved the replaced password into the history; a temporary one must not stay there.
        TemporaryPasswordExpiry.forgetInHistory(user, temporary);
        if ("on".equals(formData.getFirst("logout-sessions"))) {
            AuthenticatorUtil.logoutOtherSessions(context);
        }
        LoginEventDetails.applyTo(context.getEvent(), context.getAuthenticationSession());
        context.success();
        event.success();
    }

    /**
     * A forced change asks for the current password, as the guide's page does. A change the user chose comes after
     * a fresh sign-in (Keycloak's maximum authentication age), so the page does not ask again.
     */
    static boolean asksForCurrentPassword(RequiredActionContext context) {
        return PasswordChangeChannel.of(context.getSession(), context.getUser()) == PasswordChangeChannel.FORCED;
    }

    /** The realm's rules that need no password hash; the hashing ones run inside Keycloak's credential update. */
    private static PolicyError cheapRules(RequiredActionContext context, UserModel user, String password) {
        return PasswordRules.firstRefusalWithoutHashing(context.getSession(), context.getRealm(), user, password);
    }

    private static void refuse(RequiredActionContext context, EventBuilder event, String error, String field,
            String message, Object... parameters) {
        event.clone().error(error);
        context.challenge(form(context).addError(new FormMessage(field, message, parameters))
                .createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    private static LoginFormsProvider form(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String username = authSession.getAuthenticatedUser().getUsername();
        // The address the officer signed in with, shown above the title like on the other pages.
        String typed = authSession.getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        return context.form()
                .setAttribute("username", username)
                .setAttribute(PasswordForm.ACCOUNT_ATTRIBUTE, typed != null && !typed.isBlank() ? typed : username)
                .setAttribute(PasswordForm.ASK_CURRENT_ATTRIBUTE, asksForCurrentPassword(context));
    }
}
