package gov.alacop.keycloak.authenticators.secondfactor;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.authenticators.identifier.IdentifierAuthenticator;
import gov.alacop.keycloak.authenticators.password.VerifiedPassword;
import gov.alacop.keycloak.common.claims.AuthenticationMethod;
import gov.alacop.keycloak.common.claims.SignInMethods;
import gov.alacop.keycloak.common.events.LoginEventDetails;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Checked;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Message;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Outcome;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;

/**
 * The second factor after the password: a code from the authenticator app (Keycloak's OTP credential, so the
 * realm's OTP policy and its refusal of reused codes apply) or a code sent to the phone by text or voice through
 * the shared {@link PhoneCodeExchange}. "Sign in another way" switches among the user's methods. Wrong codes are
 * failures of the {@code otp} reference category, so Keycloak's brute-force protection counts them.
 */
final class SecondFactorAuthenticator implements Authenticator {

    static final String TEMPLATE = "alacop-second-factor.ftl";
    static final String NOTE_METHOD = "alacop.secondfactor.method";
    static final String NOTE_PREFIX = "alacop.secondfactor.phone";
    /** The method the user signed in with last time: the next sign-in starts with it. */
    static final String ATTRIBUTE_LAST_METHOD = "alacop.lastSignInMethod";
    static final String FIELD_CODE = "code";
    static final String FIELD_ACTION = "action";
    static final String ACTION_RESEND = "resend";
    static final String ACTION_OTHER_WAYS = "other-ways";
    static final String ACTION_WAY = "way-";
    static final String DETAIL_METHOD = "alacop_method";
    static final String DETAIL_REASON = "reason";

    /** What one request works with: the user's methods and phone are read once. */
    private record Request(AuthenticationFlowContext context, List<Method> available, PhoneCredentialModel phone,
                           PhoneCodeExchange exchange) {

        static Request of(AuthenticationFlowContext context) {
            UserModel user = context.getUser();
            PhoneCredentialModel phone = PhoneCredentialProvider.of(user);
            return new Request(context, Method.available(user, phone), phone,
                    new PhoneCodeExchange(context.getSession(), context.getRealm(),
                            context.getAuthenticationSession(), NOTE_PREFIX, PhoneCodeExchange.Purpose.SIGN_IN));
        }
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (locked(context) || passwordChanged(context)) {
            return;
        }
        Request request = Request.of(context);
        Method method = current(request);
        LoginFormsProvider form = context.form();
        // A refresh shows the page again; a code goes out only the first time the phone is chosen.
        if (method.isPhone() && request.exchange().number() == null) {
            send(request, method, form);
        }
        context.challenge(page(request, method, false, form));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (locked(context) || passwordChanged(context)) {
            return;
        }
        Request request = Request.of(context);
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String action = params.getFirst(FIELD_ACTION);
        Method method = current(request);
        LoginFormsProvider form = context.form();

        if (ACTION_OTHER_WAYS.equals(action)) {
            context.challenge(page(request, method, true, form));
        } else if (action != null && action.startsWith(ACTION_WAY)) {
            Method chosen = Method.parse(action.substring(ACTION_WAY.length()));
            if (chosen == null || !request.available().contains(chosen)) {
                context.challenge(page(request, method, true, form));
                return;
            }
            context.getAuthenticationSession().setAuthNote(NOTE_METHOD, chosen.value());
            if (chosen.isPhone()) {
                send(request, chosen, form);
            }
            context.challenge(page(request, chosen, false, form));
        } else if (ACTION_RESEND.equals(action) && method.isPhone()) {
            send(request, method, form);
            context.challenge(page(request, method, false, form));
        } else {
            verify(request, method, params.getFirst(FIELD_CODE));
        }
    }

    private void verify(Request request, Method method, String entered) {
        AuthenticationFlowContext context = request.context();
        UserModel user = context.getUser();
        Checked checked = method == Method.APP ? checkApp(user, entered) : request.exchange().check(entered);
        if (checked.outcome() == Outcome.MISSING) {
            context.challenge(page(request, method, false, withFieldError(context.form(), checked.message())));
            return;
        }
        context.getEvent().detail(DETAIL_METHOD, method.value());
        if (!checked.accepted()) {
            // Keycloak's convention for a refused credential at sign-in, whatever the reason.
            context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
            Response challenge = page(request, method, false, withFieldError(context.form(), checked.message()));
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge);
            return;
        }
        user.setSingleAttribute(ATTRIBUTE_LAST_METHOD, method.value());
        LoginEventDetails.remember(context.getAuthenticationSession(), DETAIL_METHOD, method.value());
        // Only the method that was accepted: one refused before a switch ("Sign in another way") is not recorded.
        SignInMethods.record(context.getAuthenticationSession(), method.reference(), AuthenticationMethod.MFA);
        if (method.isPhone()) {
            request.exchange().finish(user);
        } else {
            request.exchange().clear();
        }
        context.getAuthenticationSession().removeAuthNote(NOTE_METHOD);
        context.success();
    }

    /** Keycloak's own OTP validation: policy (digits, period, look-around) and reuse refusal. */
    private static Checked checkApp(UserModel user, String entered) {
        String code = entered == null ? "" : entered.strip();
        if (code.isEmpty()) {
            return Checked.of(Outcome.MISSING);
        }
        String typed = code.replace(" ", "");
        boolean valid = code.length() <= PhoneCodeExchange.MAX_CODE_LENGTH
                && user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .anyMatch(credential -> user.credentialManager().isValid(
                        new UserCredentialModel(credential.getId(), OTPCredentialModel.TYPE, typed)));
        return Checked.of(valid ? Outcome.ACCEPTED : Outcome.WRONG);
    }

    private static void send(Request request, Method method, LoginFormsProvider form) {
        if (request.phone() == null) {
            return;
        }
        AuthenticationFlowContext context = request.context();
        PhoneCodeExchange.Sent sent = request.exchange().send(request.phone().number(), method.channel(),
                context.getUser(), context.getConnection().getRemoteAddr());
        if (sent.failed()) {
            form.setError(sent.message().key(), sent.message().parameterArray());
        } else if (sent.worthNotice()) {
            form.setSuccess(sent.message().key(), sent.message().parameterArray());
        }
    }

    private static LoginFormsProvider withFieldError(LoginFormsProvider form, Message message) {
        return form.addError(new FormMessage(FIELD_CODE, message.key(), message.parameterArray()));
    }

    private static Response page(Request request, Method method, boolean showOtherWays, LoginFormsProvider form) {
        String masked = request.phone() == null ? null : request.phone().maskedNumber();
        return form.setAttribute("secondFactor", new SecondFactorBean(method, masked, request.available(),
                        showOtherWays))
                .createForm(TEMPLATE);
    }

    private static Method current(Request request) {
        AuthenticationFlowContext context = request.context();
        Method chosen = Method.parse(context.getAuthenticationSession().getAuthNote(NOTE_METHOD));
        if (chosen != null && request.available().contains(chosen)) {
            return chosen;
        }
        Method preferred = Method.preferred(request.phone(), request.available(),
                context.getUser().getFirstAttribute(ATTRIBUTE_LAST_METHOD));
        context.getAuthenticationSession().setAuthNote(NOTE_METHOD, preferred.value());
        return preferred;
    }

    /**
     * Checked before any code is looked at, like Keycloak's OTP form. A locked user starts again at the identifier
     * (Keycloak's OTP form likewise invalidates the session): the flow is reset, which clears the user and every
     * note of this authentication session, so guessing cannot resume once the lockout ends without the password.
     */
    private boolean locked(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        KeycloakSession session = context.getSession();
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        UserModel user = context.getUser();
        boolean permanently = protector.isPermanentlyLockedOut(session, realm, user);
        if (!permanently && !protector.isTemporarilyDisabled(session, realm, user)) {
            return false;
        }
        context.getEvent().user(user).error(permanently ? Errors.USER_DISABLED : Errors.USER_TEMPORARILY_DISABLED);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.resetFlow(() -> IdentifierAuthenticator.showLockedOut(authSession));
        return true;
    }

    /**
     * The password this sign-in verified was changed meanwhile (a reset in another browser): the sign-in starts
     * again at the identifier, which says why.
     */
    private boolean passwordChanged(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (VerifiedPassword.stillCurrent(authSession, context.getUser())) {
            return false;
        }
        context.getEvent().user(context.getUser()).detail(DETAIL_REASON, "password_changed")
                .error(Errors.INVALID_USER_CREDENTIALS);
        context.resetFlow(() -> IdentifierAuthenticator.showPasswordChanged(authSession));
        return true;
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return !Method.available(user, PhoneCredentialProvider.of(user)).isEmpty();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Enrollment ("Keep your account secure") decides which methods a user sets up.
    }

    @Override
    public void close() {
    }
}
