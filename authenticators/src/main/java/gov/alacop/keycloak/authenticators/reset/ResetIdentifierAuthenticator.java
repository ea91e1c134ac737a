package gov.alacop.keycloak.authenticators.reset;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.BruteForceProtector;

import gov.alacop.keycloak.authenticators.identifier.Identifier;
import gov.alacop.keycloak.common.realm.AlaCopRealm;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordExpiry;

/**
 * First page of "Can't access your account?": the AlaCOP e-mail address or username, read like the sign-in reads it.
 * Whatever was typed, the next page is a proof page: the step only records whom the reset is about, or why it cannot
 * succeed (unknown, disabled, locked, a pending temporary password), for the proof step and the events.
 */
final class ResetIdentifierAuthenticator extends ResetStep {

    static final String TEMPLATE = "alacop-reset-identifier.ftl";
    static final String FIELD = AuthenticationManager.FORM_USERNAME;
    static final String MSG_REQUIRED = "alacopResetIdentifierRequired";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // The sign-in may have found an account before "Can't access your account?": the reset starts from nothing.
        context.clearUser();
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        // Set by the sign-in's identifier step; it would make the theme show the note below on our pages.
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.USERNAME_HIDDEN);
        ResetNotes.of(context).remove(ResetSubject.NOTE);
        context.challenge(context.form().createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<Identifier> parsed = Identifier.parse(form.getFirst(FIELD), AlaCopRealm.upnDomain(context.getRealm()));
        if (parsed.isEmpty()) {
            LoginFormsProvider page = context.form().addError(new FormMessage(FIELD, MSG_REQUIRED));
            context.forceChallenge(page.createForm(TEMPLATE));
            return;
        }
        Identifier identifier = parsed.get();
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = identifier.findAccount(session, realm);
        ResetSubject subject = subject(context, identifier.display(), user);
        ResetNotes.of(context).set(ResetSubject.NOTE, subject.write());
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.USERNAME_HIDDEN);
        if (subject.userId() != null) {
            // Keycloak's brute-force protection finds the account of a failed proof through this note (never shown:
            // the theme shows it only with USERNAME_HIDDEN, which the reset removes).
            context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME,
                    user.getUsername());
        } else {
            context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        }
        ResetEvents.event(context, subject, user).detail(ResetEvents.STEP, ResetEvents.STARTED).success();
        context.success();
    }

    private static ResetSubject subject(AuthenticationFlowContext context, String display, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        if (user == null || user.getServiceAccountClientLink() != null) {
            return ResetSubject.refused(display, ResetSubject.UNKNOWN_IDENTIFIER,
                    ResetKeyedHash.unknownForEvents(session, realm, display), null);
        }
        if (!user.isEnabled()) {
            return ResetSubject.refused(display, ResetSubject.DISABLED, display, user);
        }
        if (locked(session, realm, user)) {
            return ResetSubject.refused(display, ResetSubject.LOCKED, display, user);
        }
        boolean temporary = TemporaryPasswordExpiry.currentPassword(user).map(TemporaryPasswordExpiry::isTemporary)
                .orElse(false);
        if (temporary) {
            // The officer has not chosen a password yet: the help desk issued one and stays in charge of it.
            return ResetSubject.refused(display, ResetSubject.TEMPORARY_PASSWORD, display, user);
        }
        return ResetSubject.candidate(display, user);
    }

    /** Keycloak's brute-force lock (temporary or permanent): a locked account is never reset (nor unlocked by one). */
    static boolean locked(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isPermanentlyLockedOut(session, realm, user) || protector.isTemporarilyDisabled(session, realm, user);
    }
}
