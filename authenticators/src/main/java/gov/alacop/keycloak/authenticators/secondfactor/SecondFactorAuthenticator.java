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
import gov.alacop.keycloak.common.events.LoginEventDetails;
import gov.alacop.keycloak.common.messaging.PhoneMask;
import gov.alacop.keycloak.common.phone.PhoneCode;
import gov.alacop.keycloak.common.phone.PhoneCodeSender;
import gov.alacop.keycloak.common.phone.PhoneCodeState;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;

/**
 * The second factor after the password: a code from the authenticator app (Keycloak's OTP credential, so the
 * realm's OTP policy and its refusal of reused codes apply) or a code sent to the phone by text or voice.
 * "Sign in another way" switches among the user's methods. Wrong codes are failures of the {@code otp}
 * reference category, so Keycloak's brute-force protection counts them.
 */
final class SecondFactorAuthenticator implements Authenticator {

    static final String TEMPLATE = "alacop-second-factor.ftl";
    static final String NOTE_METHOD = "alacop.secondfactor.method";
    static final String NOTE_PREFIX = "alacop.secondfactor.phone";
    /** The method the user signed in with last time: the next sign-in starts with it. */
    static final String ATTRIBUTE_LAST_METHOD = "alacop.lastSignInMethod";
    static final String FIELD_CODE = "code";
    static final String FIELD_ACTION = "action";
    static final String ACTION_VERIFY = "verify";
    static final String ACTION_RESEND = "resend";
    static final String ACTION_OTHER_WAYS = "other-ways";
    static final String ACTION_WAY = "way-";
    static final String DETAIL_METHOD = "alacop_method";
    /** Longer input is refused without being looked at. */
    static final int MAX_CODE_LENGTH = 20;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (locked(context)) {
            return;
        }
        List<Method> available = Method.available(context.getUser());
        Method method = current(context, available);
        PhoneCodeState state = state(context);
        LoginFormsProvider form = context.form();
        // A refresh shows the page again; a code goes out only the first time the phone is chosen.
        if (method.isPhone() && state.number() == null) {
            send(context, state, method, form);
        }
        context.challenge(page(context, method, available, false, form));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (locked(context)) {
            return;
        }
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String action = params.getFirst(FIELD_ACTION);
        List<Method> available = Method.available(context.getUser());
        Method method = current(context, available);
        PhoneCodeState state = state(context);
        LoginFormsProvider form = context.form();

        if (ACTION_OTHER_WAYS.equals(action)) {
            context.challenge(page(context, method, available, true, form));
        } else if (action != null && action.startsWith(ACTION_WAY)) {
            Method chosen = Method.parse(action.substring(ACTION_WAY.length()));
            if (chosen == null || !available.contains(chosen)) {
                context.challenge(page(context, method, available, true, form));
                return;
            }
            context.getAuthenticationSession().setAuthNote(NOTE_METHOD, chosen.value());
            if (chosen.isPhone()) {
                send(context, state, chosen, form);
            }
            context.challenge(page(context, chosen, available, false, form));
        } else if (ACTION_RESEND.equals(action) && method.isPhone()) {
            send(context, state, method, form);
            context.challenge(page(context, method, available, false, form));
        } else {
            verify(context, method, available, state, params.getFirst(FIELD_CODE));
        }
    }

    private void verify(AuthenticationFlowContext context, Method method, List<Method> available,
                        PhoneCodeState state, String entered) {
        UserModel user = context.getUser();
        String code = entered == null ? "" : entered.strip();
        if (code.isEmpty()) {
            context.challenge(page(context, method, available, false,
                    context.form().addError(new FormMessage(FIELD_CODE, "alacopSecondFactorCodeRequired"))));
            return;
        }
        boolean valid;
        String message = "alacopSecondFactorCodeWrong";
        if (method == Method.APP) {
            valid = code.length() <= MAX_CODE_LENGTH && validApp(user, code.replace(" ", ""));
        } else {
            PhoneCode.Verdict verdict = state.verify(code.length() <= MAX_CODE_LENGTH ? code : "",
                    System.currentTimeMillis());
            valid = verdict == PhoneCode.Verdict.ACCEPTED;
            if (verdict == PhoneCode.Verdict.TOO_MANY_FAILURES
                    || (verdict == PhoneCode.Verdict.WRONG && state.attemptsLeft() == 0)) {
                message = "alacopPhoneCodeTooManyFailures";
            } else if (verdict == PhoneCode.Verdict.EXPIRED || verdict == PhoneCode.Verdict.USED) {
                message = "alacopPhoneCodeExpired";
            }
        }
        context.getEvent().detail(DETAIL_METHOD, method.value());
        if (!valid) {
            context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
            Response challenge = page(context, method, available, false,
                    context.form().addError(new FormMessage(FIELD_CODE, message)));
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge);
            return;
        }
        user.setSingleAttribute(ATTRIBUTE_LAST_METHOD, method.value());
        LoginEventDetails.remember(context.getAuthenticationSession(), DETAIL_METHOD, method.value());
        if (method.isPhone()) {
            new PhoneCodeSender(context.getSession(), context.getRealm()).exchangeFinished(user);
        }
        state.finish();
        context.getAuthenticationSession().removeAuthNote(NOTE_METHOD);
        context.success();
    }

    /** Keycloak's own OTP validation: policy (digits, period, look-around) and reuse refusal. */
    private static boolean validApp(UserModel user, String code) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .anyMatch(credential -> user.credentialManager().isValid(
                        new UserCredentialModel(credential.getId(), OTPCredentialModel.TYPE, code)));
    }

    private void send(AuthenticationFlowContext context, PhoneCodeState state, Method method, LoginFormsProvider form) {
        PhoneCredentialModel phone = PhoneCredentialProvider.of(context.getUser());
        if (phone == null) {
            return;
        }
        if (!phone.number().equals(state.number())) {
            state.clear();
        }
        state.target(phone.number(), method.channel());
        PhoneCodeSender.Result result = new PhoneCodeSender(context.getSession(), context.getRealm())
                .send(state, method.channel(), context.getUser(), context.getConnection().getRemoteAddr(),
                        PhoneCodeSender.Purpose.SIGN_IN);
        switch (result.status()) {
            case SENT -> form.setSuccess(method == Method.VOICE ? "alacopPhoneCallPlaced" : "alacopPhoneTextSent",
                    phone.maskedNumber());
            case COOLDOWN -> form.setError("alacopPhoneSendCooldown", Long.toString(result.retryAfterSeconds()));
            case LIMIT -> form.setError("alacopPhoneSendLimit", Long.toString(Math.max(1,
                    (result.retryAfterSeconds() + 59) / 60)));
            case FAILED -> form.setError("alacopPhoneSendFailed");
        }
    }

    private Response page(AuthenticationFlowContext context, Method method, List<Method> available,
                          boolean showOtherWays, LoginFormsProvider form) {
        PhoneCredentialModel phone = PhoneCredentialProvider.of(context.getUser());
        return form.setAttribute("secondFactor", new SecondFactorPage(method,
                        phone == null ? null : PhoneMask.mask(phone.number()), available, showOtherWays))
                .createForm(TEMPLATE);
    }

    private static Method current(AuthenticationFlowContext context, List<Method> available) {
        Method chosen = Method.parse(context.getAuthenticationSession().getAuthNote(NOTE_METHOD));
        if (chosen != null && available.contains(chosen)) {
            return chosen;
        }
        Method preferred = Method.preferred(context.getUser(), available,
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

    private static PhoneCodeState state(AuthenticationFlowContext context) {
        return new PhoneCodeState(context.getSession(), context.getAuthenticationSession(), NOTE_PREFIX);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return !Method.available(user).isEmpty();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Enrollment ("Keep your account secure") decides which methods a user sets up.
    }

    @Override
    public void close() {
    }
}
