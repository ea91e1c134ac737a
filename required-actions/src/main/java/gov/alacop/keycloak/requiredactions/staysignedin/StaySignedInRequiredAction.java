package gov.alacop.keycloak.requiredactions.staysignedin;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.cookie.CookieProvider;
import org.keycloak.cookie.CookieType;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.enrollment.Enrollment;
import gov.alacop.keycloak.common.events.LoginEventDetails;

/**
 * "Stay signed in?": the last step of an interactive sign-in. "Yes" makes the user session Keycloak creates
 * right after the required actions a remember-me session (the realm's "SSO Session Idle/Max Remember Me" apply
 * and the identity cookie outlives the browser); "No" leaves a session that ends with the browser.
 *
 * <p>Keycloak creates the user session only after every required action has finished
 * ({@code AuthenticationManager.finishedRequiredActions}) and reads the {@link Details#REMEMBER_ME} auth note then,
 * so setting that note here is all it takes. The realm gives this action the highest priority so that it runs
 * after password update and method enrollment.
 */
final class StaySignedInRequiredAction implements RequiredActionProvider {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (user == null || authSession == null) {
            return;
        }
        RealmModel realm = context.getRealm();
        Optional<Choice> saved = Choice.parse(user.getFirstAttribute(StaySignedIn.SAVED_CHOICE_ATTRIBUTE));
        Trigger.Outcome outcome = Trigger.decide(realm.isRememberMe(), isInteractive(authSession),
                isKiosk(authSession.getClient()), authSession.getAuthNote(StaySignedIn.ANSWERED_NOTE) != null,
                saved, provenBeyondPassword(authSession), StaySignedInConfig.onlyAfterSecondFactor(context.getConfig()),
                () -> hasExistingSession(context.getSession(), realm, authSession, user));
        switch (outcome) {
            case ASK -> authSession.addRequiredAction(StaySignedIn.PROVIDER_ID);
            case APPLY_SAVED -> {
                apply(authSession, saved.get());
                context.getEvent().detail(StaySignedIn.EVENT_DETAIL_CHOICE, saved.get().value())
                        .detail(StaySignedIn.EVENT_DETAIL_SOURCE, "saved");
            }
            case SESSION_ONLY -> authSession.removeAuthNote(Details.REMEMBER_ME);
            case SKIP -> {
                // the session stays what it is
            }
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context).createForm(StaySignedIn.TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<Choice> choice = Choice.parse(form.getFirst(StaySignedIn.FORM_CHOICE));
        if (choice.isEmpty()) {
            Response again = page(context)
                    .setError(StaySignedIn.MSG_CHOOSE)
                    .setStatus(Response.Status.BAD_REQUEST)
                    .createForm(StaySignedIn.TEMPLATE);
            context.challenge(again);
            return;
        }
        boolean dontShowAgain = form.containsKey(StaySignedIn.FORM_DONT_SHOW_AGAIN);
        apply(context.getAuthenticationSession(), choice.get());
        if (dontShowAgain) {
            context.getUser().setSingleAttribute(StaySignedIn.SAVED_CHOICE_ATTRIBUTE, choice.get().value());
        }
        context.getEvent().detail(StaySignedIn.EVENT_DETAIL_CHOICE, choice.get().value())
                .detail(StaySignedIn.EVENT_DETAIL_SOURCE, "asked")
                .detail(StaySignedIn.EVENT_DETAIL_SAVED, String.valueOf(dontShowAgain));
        LoginEventDetails.applyTo(context.getEvent(), context.getAuthenticationSession());
        context.success();
    }

    private static LoginFormsProvider page(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String account = authSession.getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        return context.form()
                .setAttribute("staySignedInAccount", account != null ? account : context.getUser().getUsername())
                .setAttribute("staySignedInChoice", StaySignedIn.FORM_CHOICE)
                .setAttribute("staySignedInDontShowAgain", StaySignedIn.FORM_DONT_SHOW_AGAIN);
    }

    private static void apply(AuthenticationSessionModel authSession, Choice choice) {
        if (choice == Choice.YES) {
            authSession.setAuthNote(Details.REMEMBER_ME, "true");
        } else {
            authSession.removeAuthNote(Details.REMEMBER_ME);
        }
        authSession.setAuthNote(StaySignedIn.ANSWERED_NOTE, choice.value());
    }

    /**
     * A browser sign-in that ends in a new session: the authorization endpoint set a flow path (a direct grant
     * does not), and it is not an e-mailed action link that ends after the required actions.
     */
    private static boolean isInteractive(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH) != null
                && authSession.getAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS) == null;
    }

    /**
     * This sign-in used more than the password: the second-factor step recorded the method it passed (see
     * {@link LoginEventDetails#SECOND_FACTOR_METHOD}), or the officer completed the two-method setup just now (the
     * guide's first sign-in: set up two methods, then "Stay signed in?").
     */
    private static boolean provenBeyondPassword(AuthenticationSessionModel authSession) {
        return LoginEventDetails.recorded(authSession, LoginEventDetails.SECOND_FACTOR_METHOD) != null
                || Enrollment.completedIn(authSession);
    }

    private static boolean isKiosk(ClientModel client) {
        return client != null && Boolean.parseBoolean(client.getAttribute(StaySignedIn.KIOSK_CLIENT_ATTRIBUTE));
    }

    /**
     * True when this browser already has a session of this user: signed in by the SSO cookie, or asked to
     * re-authenticate (prompt=login, max_age) while signed in. Keycloak then keeps that session as it is, so there
     * is nothing to ask. The session lookup only happens when the browser holds an identity cookie.
     */
    private static boolean hasExistingSession(KeycloakSession session, RealmModel realm,
            AuthenticationSessionModel authSession, UserModel user) {
        if (Boolean.parseBoolean(authSession.getAuthNote(AuthenticationManager.SSO_AUTH))) {
            return true;
        }
        CookieProvider cookies = session.getProvider(CookieProvider.class);
        if (cookies == null || cookies.get(CookieType.IDENTITY) == null) {
            return false;
        }
        UserSessionModel existing = session.sessions().getUserSession(realm, authSession.getParentSession().getId());
        return existing != null && user.equals(existing.getUser()) && AuthenticationManager.isSessionValid(realm, existing);
    }

    @Override
    public void close() {
        // stateless
    }
}
