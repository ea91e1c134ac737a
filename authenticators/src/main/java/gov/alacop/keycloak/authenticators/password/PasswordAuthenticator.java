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
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.validation.Validation;

import gov.alacop.keycloak.authenticators.identifier.IdentifierAuthenticator;

/**
 * Second page of the sign-in: "Enter password" under the identifier typed on the first page. For an identifier
 * that matched no account it renders the same page, spends the same hashing time, and fails with the same
 * message as a wrong password, so the pages reveal nothing about which accounts exist.
 */
final class PasswordAuthenticator extends AbstractUsernameFormAuthenticator {

    static final String MSG_INVALID = "alacopPasswordInvalid";
    static final String MSG_REQUIRED = "alacopPasswordRequired";
    static final String MSG_TEMPORARY_EXPIRED = "alacopTemporaryPasswordExpired";
    /** Login-event error of a sign-in refused because the temporary password expired. */
    static final String ERROR_TEMPORARY_EXPIRED = "temporary_password_expired";

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
            // Unknown identifier: as costly and as silent as a wrong password.
            AuthenticatorUtils.dummyHash(context);
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                    challenge(context, MSG_INVALID, Validation.FIELD_PASSWORD));
            return;
        }
        if (!validatePassword(context, user, formData, false)) {
            return;
        }
        if (!enabledUser(context, user)) {
            return;
        }
        if (temporaryPasswordExpired(context, user)) {
            // Only someone who typed the right password gets here, so the message reveals nothing new to them.
            context.getEvent().clone().user(user).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                    .error(ERROR_TEMPORARY_EXPIRED);
            context.forceChallenge(challenge(context, MSG_TEMPORARY_EXPIRED, Validation.FIELD_PASSWORD));
            return;
        }
        context.success();
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

    private static boolean temporaryPasswordExpired(AuthenticationFlowContext context, UserModel user) {
        PasswordCredentialModel password = user.credentialManager()
                .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst()
                .map(PasswordCredentialModel::createFromCredentialModel)
                .orElse(null);
        return TemporaryPasswordExpiry.isExpired(password, Instant.ofEpochMilli(Time.currentTimeMillis()));
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
