package gov.alacop.keycloak.authenticators.password;

import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;

import gov.alacop.keycloak.authenticators.identifier.IdentifierAuthenticator;
import gov.alacop.keycloak.common.claims.AuthenticationMethod;
import gov.alacop.keycloak.common.claims.SignInMethods;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordConfig;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordExpiry;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordLock;

/**
 * Second page of the sign-in: "Enter password" under the identifier typed on the first page. Every refusal looks and
 * costs the same: an identifier that matched no account, a locked or disabled account, an account without a password,
 * a wrong password and an expired temporary password all render the same page with the same message, and each
 * spends one password hash (the real one, or Keycloak's dummy hash where there is nothing to verify), so neither the
 * pages nor the time to answer tell which accounts exist or what state they are in.
 *
 * <p>While a temporary password is pending, wrong passwords also count towards its stricter lockout
 * ({@link TemporaryPasswordLock}); an expired one counts like a wrong one.
 */
final class PasswordAuthenticator extends AbstractUsernameFormAuthenticator {

    static final String MSG_INVALID = "alacopPasswordInvalid";
    static final String MSG_REQUIRED = "alacopPasswordRequired";
    /** Login-event error of the right temporary password typed after its expiry (the page says "incorrect"). */
    static final String ERROR_TEMPORARY_EXPIRED = "temporary_password_expired";
    /** Login-event error of the attempt that locked the account, and of attempts while that lock holds. */
    static final String ERROR_TEMPORARY_LOCKED = "temporary_password_locked";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getUser() == null && !isUnknownIdentifier(context)) {
            // Reached without the identifier step in front of it: a misconfigured flow, not a user error.
            context.failure(AuthenticationFlowError.UNKNOWN_USER);
            return;
        }
        context.challenge(context.form().createLoginPassword());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        // Not the typed text for an unknown identifier (it is often a password typed into the wrong field).
        String attempted = IdentifierAuthenticator.eventUsername(context.getAuthenticationSession());
        if (attempted != null) {
            context.getEvent().detail(Details.USERNAME, attempted);
        }
        String password = formData.getFirst(Validation.FIELD_PASSWORD);
        if (password == null || password.isEmpty()) {
            context.forceChallenge(challenge(context, MSG_REQUIRED, Validation.FIELD_PASSWORD));
            return;
        }
        UserModel user = context.getUser();
        if (user == null) {
            // Unknown identifier or disabled account: as costly and as silent as a wrong password.
            AuthenticatorUtils.dummyHash(context);
            UserModel disabled = disabledUser(context);
            if (disabled == null) {
                context.getEvent().error(Errors.USER_NOT_FOUND);
            } else {
                context.getEvent().user(disabled).error(TemporaryPasswordLock.isLocked(disabled)
                        ? ERROR_TEMPORARY_LOCKED : Errors.USER_DISABLED);
            }
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, invalid(context));
            return;
        }
        TemporaryPasswordLock.forgetLiftedLock(user);
        String locked = lockedError(context, user);
        if (locked != null) {
            // Locked or disabled: nothing is verified, but the same hashing time is spent.
            AuthenticatorUtils.dummyHash(context);
            context.getEvent().user(user).error(locked);
            context.forceChallenge(invalid(context));
            return;
        }
        PasswordCredentialModel stored = TemporaryPasswordExpiry.currentPassword(user).orElse(null);
        if (stored == null) {
            AuthenticatorUtils.dummyHash(context);
            context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                    .error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, invalid(context));
            return;
        }
        // Read before the verification: a re-hash rewrites the credential (it keeps the label and creation time).
        TemporaryPasswordConfig config = config(context);
        boolean temporary = TemporaryPasswordExpiry.isTemporary(stored);
        boolean expired = temporary && TemporaryPasswordExpiry.isExpired(stored, config.expiry(),
                Instant.ofEpochMilli(Time.currentTimeMillis()));
        boolean valid = user.credentialManager().isValid(UserCredentialModel.password(password));
        if (valid && !expired) {
            if (temporary) {
                TemporaryPasswordLock.forgetFailures(user);
            }
            context.getAuthenticationSession().setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
            VerifiedPassword.remember(context.getAuthenticationSession(), user);
            SignInMethods.record(context.getAuthenticationSession(), AuthenticationMethod.PWD);
            context.success();
            return;
        }
        String error = valid ? ERROR_TEMPORARY_EXPIRED : Errors.INVALID_USER_CREDENTIALS;
        boolean lockedNow = temporary && TemporaryPasswordLock.countFailure(user, config.maxFailures());
        context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                .error(lockedNow ? ERROR_TEMPORARY_LOCKED : error);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, invalid(context));
        if (lockedNow) {
            // From now on the account is disabled: Keycloak would refuse the next post with "Account is disabled"
            // if it stayed the flow's user, so it goes on like a disabled account found by the identifier step.
            context.getAuthenticationSession().setAuthNote(IdentifierAuthenticator.UNKNOWN_IDENTIFIER_NOTE, "true");
            context.getAuthenticationSession().setAuthNote(IdentifierAuthenticator.DISABLED_USER_NOTE, user.getId());
            context.clearUser();
        }
    }

    private static UserModel disabledUser(AuthenticationFlowContext context) {
        String id = context.getAuthenticationSession().getAuthNote(IdentifierAuthenticator.DISABLED_USER_NOTE);
        return id == null ? null : context.getSession().users().getUserById(context.getRealm(), id);
    }

    /** Keycloak's brute-force lock, the temporary-password lock, or a disabled user; null when none applies. */
    private static String lockedError(AuthenticationFlowContext context, UserModel user) {
        if (TemporaryPasswordLock.isLocked(user)) {
            return ERROR_TEMPORARY_LOCKED;
        }
        String bruteForce = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForce != null) {
            return bruteForce;
        }
        return user.isEnabled() ? null : Errors.USER_DISABLED;
    }

    private static TemporaryPasswordConfig config(AuthenticationFlowContext context) {
        return context.getAuthenticatorConfig() != null
                ? TemporaryPasswordConfig.of(context.getAuthenticatorConfig())
                : TemporaryPasswordConfig.of(context.getRealm());
    }

    private Response invalid(AuthenticationFlowContext context) {
        return challenge(context, MSG_INVALID, Validation.FIELD_PASSWORD);
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return form.createLoginPassword();
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        return MSG_INVALID;
    }

    @Override
    protected String disabledByBruteForceError(String bruteForceEventError) {
        // A locked account reads like a wrong password: the lockout is no hint that the account exists.
        return MSG_INVALID;
    }

    @Override
    protected String disabledByBruteForceFieldError() {
        return Validation.FIELD_PASSWORD;
    }

    private static boolean isUnknownIdentifier(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getAuthNote(IdentifierAuthenticator.UNKNOWN_IDENTIFIER_NOTE) != null;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        // Users without a password still get the page (and fail at it), like everybody else.
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing to set up
    }
}
