package gov.alacop.keycloak.authenticators.reset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordConfig;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordExpiry;

/**
 * "Update your password" at the end of a reset, after the proofs. The new password passes through Keycloak's
 * credential update, i.e. every rule of the realm's password policy, ours included (the minimum age: a reset is the
 * officer's own change; the cheap rules are decided before the history hashes by the bundle's policy manager).
 *
 * <p>An accepted reset ends at the sign-in page with "Your password has been changed" (Keycloak's fork of the flow,
 * as its e-mail reset ends with "You should receive an e-mail"): the reset itself creates no session; the officer
 * then signs in normally, with the new password and the second factor. It also ends the officer's other sessions and
 * revokes the offline tokens (both configurable).
 */
final class ResetPasswordAuthenticator extends ResetStep {

    static final String TEMPLATE = "alacop-reset-password.ftl";
    static final String FIELD_NEW = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";

    static final String MSG_NEW_REQUIRED = "alacopNewPasswordRequired";
    static final String MSG_CONFIRM_MISMATCH = "alacopConfirmPasswordMismatch";
    static final String MSG_TEMPORARY_PATTERN = "alacopResetTemporaryPattern";
    static final String MSG_DONE = "alacopResetDone";

    /** Rule ids for events, by the message key of the policy that refused the password. */
    static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("alacopMinPasswordAgeMessage", "min_age"),
            Map.entry("invalidPasswordMinLengthMessage", "length"),
            Map.entry("invalidPasswordMaxLengthMessage", "max_length"),
            Map.entry("invalidPasswordMinUpperCaseCharsMessage", "upper_case"),
            Map.entry("invalidPasswordMinLowerCaseCharsMessage", "lower_case"),
            Map.entry("invalidPasswordMinDigitsMessage", "digits"),
            Map.entry("invalidPasswordMinSpecialCharsMessage", "special_chars"),
            Map.entry("invalidPasswordHistoryMessage", "history"),
            Map.entry("invalidPasswordNotUsernameMessage", "not_username"),
            Map.entry("invalidPasswordNotEmailMessage", "not_email"),
            Map.entry("alacopPasswordInvisibleCharacters", "visible_characters"),
            Map.entry(MSG_TEMPORARY_PATTERN, "temporary_pattern"));

    private record Reset(ResetSubject subject, UserModel user, List<ResetMethod> proofs) {
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Reset reset = reset(context);
        if (reset != null) {
            context.challenge(page(context, reset, context.form()));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Reset reset = reset(context);
        if (reset == null) {
            return;
        }
        UserModel user = reset.user();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst(FIELD_NEW);
        String confirmation = form.getFirst(FIELD_CONFIRM);
        if (password == null || password.isEmpty()) {
            refuse(context, reset, Errors.PASSWORD_MISSING, null, FIELD_NEW, MSG_NEW_REQUIRED);
            return;
        }
        if (!password.equals(confirmation)) {
            refuse(context, reset, Errors.PASSWORD_CONFIRM_ERROR, null, FIELD_CONFIRM, MSG_CONFIRM_MISMATCH);
            return;
        }
        if (TemporaryPasswordExpiry.followsPattern(TemporaryPasswordConfig.of(context.getRealm()).prefix(), password)) {
            refuse(context, reset, Errors.PASSWORD_REJECTED, RULES.get(MSG_TEMPORARY_PATTERN), FIELD_NEW, MSG_TEMPORARY_PATTERN);
            return;
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException refused) {
            String rule = RULES.getOrDefault(refused.getMessage(), refused.getMessage());
            refuse(context, reset, Errors.PASSWORD_REJECTED, rule, FIELD_NEW, refused.getMessage(), refused.getParameters());
            return;
        }
        // The officer chose a new password: a pending "update your password" is done.
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        ResetPasswordConfig config = ResetPasswordConfig.of(context.getAuthenticatorConfig());
        if (config.endOtherSessions()) {
            endSessions(context, user);
        }
        if (config.revokeOfflineTokens()) {
            revokeOfflineTokens(context, user);
        }
        ResetEvents.event(context, reset.subject(), user).detail(ResetEvents.STEP, ResetEvents.SUCCEEDED)
                .detail(ResetEvents.PROOFS, ResetProofsAuthenticator.write(reset.proofs()))
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).success();
        clearNotes(context);
        context.forkWithSuccessMessage(new FormMessage(MSG_DONE));
    }

    private static void endSessions(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        for (UserSessionModel userSession : sessions) {
            AuthenticationManager.backchannelLogout(session, realm, userSession, session.getContext().getUri(),
                    context.getConnection(), context.getHttpRequest().getHttpHeaders(), true);
        }
    }

    private static void revokeOfflineTokens(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserSessionManager manager = new UserSessionManager(session);
        for (ClientModel client : List.copyOf(manager.findClientsWithOfflineToken(realm, user))) {
            manager.revokeOfflineToken(user, client);
        }
        for (UserSessionModel offline : session.sessions().getOfflineUserSessionsStream(realm, user).toList()) {
            manager.revokeOfflineUserSession(offline);
        }
    }

    /** The reset is over: nothing of it stays in the authentication session (the fork starts a clean one anyway). */
    private static void clearNotes(AuthenticationFlowContext context) {
        ResetNotes.ofEarlierStep(context, ResetProofsAuthenticatorFactory.PROVIDER_ID)
                .ifPresent(notes -> notes.remove(ResetProofsAuthenticator.NOTE_PROVEN));
        ResetNotes.ofEarlierStep(context, ResetIdentifierAuthenticatorFactory.PROVIDER_ID)
                .ifPresent(notes -> notes.remove(ResetSubject.NOTE));
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
    }

    private static void refuse(AuthenticationFlowContext context, Reset reset, String error, String rule, String field,
            String message, Object... parameters) {
        EventBuilder event = ResetEvents.event(context, reset.subject(), reset.user()).detail(ResetEvents.STEP, "refused")
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).detail(Details.REASON, error);
        if (rule != null) {
            event.detail(ResetEvents.RULE, rule);
        }
        event.error(ResetEvents.ERROR_REFUSED);
        context.challenge(page(context, reset, context.form().addError(new FormMessage(field, message, parameters))));
    }

    private static Response page(AuthenticationFlowContext context, Reset reset, LoginFormsProvider form) {
        return form.setAttribute(ResetProofsAuthenticator.ATTRIBUTE, ResetPage.password(reset.subject().display()))
                .createForm(TEMPLATE);
    }

    /**
     * Only after the identifier and proof steps of this same flow succeeded in this authentication session, for an
     * account that may be reset and with proofs that complete the plan; otherwise the reset starts over.
     */
    private static Reset reset(AuthenticationFlowContext context) {
        Optional<ResetSubject> subject = ResetNotes.ofEarlierStep(context, ResetIdentifierAuthenticatorFactory.PROVIDER_ID)
                .flatMap(notes -> ResetSubject.read(notes.get(ResetSubject.NOTE)));
        Optional<String> proven = ResetNotes.ofEarlierStep(context, ResetProofsAuthenticatorFactory.PROVIDER_ID)
                .map(notes -> notes.get(ResetProofsAuthenticator.NOTE_PROVEN));
        UserModel user = subject.flatMap(s -> s.user(context.getSession(), context.getRealm())).orElse(null);
        List<ResetMethod> proofs = ResetProofsAuthenticator.read(proven.orElse(null));
        if (user == null || !user.isEnabled() || proofs.isEmpty() || proofs.stream().noneMatch(ResetMethod::isCode)
                || ResetIdentifierAuthenticator.locked(context.getSession(), context.getRealm(), user)) {
            context.resetFlow();
            return null;
        }
        return new Reset(subject.get(), user, proofs);
    }
}
