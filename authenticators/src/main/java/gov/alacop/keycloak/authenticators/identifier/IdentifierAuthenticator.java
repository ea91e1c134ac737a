package gov.alacop.keycloak.authenticators.identifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * First page of the sign-in: "Sign in" with the AlaCOP e-mail address (UPN). It establishes who is signing in
 * without telling anybody whether that account exists: an unknown identifier goes on to the same password
 * page, which then fails (see {@code PasswordAuthenticator}).
 */
public final class IdentifierAuthenticator implements Authenticator {

    /** Auth note set when the identifier matched no usable account; read by the password step. */
    public static final String UNKNOWN_IDENTIFIER_NOTE = "alacop.identifier.unknown";
    /**
     * Auth note with the id of a disabled account the identifier matched. Such an account is not set as the flow's
     * user (Keycloak would end the flow with "Account is disabled" right here, telling it apart); the password step
     * treats it like an unknown identifier and audits it under the account.
     */
    public static final String DISABLED_USER_NOTE = "alacop.identifier.disabled";

    /**
     * What events name as the username: the identifier for an existing account; for an unknown one a keyed hash
     * ({@code unknown-} and 12 hex digits of an HMAC with the realm's HMAC key), because what people type there is
     * often a password typed into the wrong field. The hash lets an administrator see repeated attempts with the
     * same text without the text itself; without a key it is just {@code unknown}.
     */
    public static final String EVENT_USERNAME_NOTE = "alacop.identifier.eventUsername";
    static final String UNKNOWN_EVENT_USERNAME = "unknown";

    /** Set when a later step reset the flow because the account got locked: the identifier page says so once. */
    static final String LOCKED_OUT_NOTE = "alacop.identifier.lockedOut";

    /** Set when a later step reset the flow because the password was changed meanwhile. */
    static final String PASSWORD_CHANGED_NOTE = "alacop.identifier.passwordChanged";

    static final String MSG_REQUIRED = "alacopIdentifierRequired";
    static final String MSG_PASSWORD_CHANGED = "alacopPasswordChangedSignInAgain";
    static final String MSG_LOCKED = "alacopSecondFactorLocked";

    /** For a step that resets the flow after a lockout (the reset clears all notes first). */
    public static void showLockedOut(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(LOCKED_OUT_NOTE, "true");
    }

    /** For a step that resets the flow because the password it relied on was changed (e.g. by a reset). */
    public static void showPasswordChanged(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(PASSWORD_CHANGED_NOTE, "true");
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            // Re-authentication of a known user (e.g. prompt=login with an SSO session): nothing to ask.
            context.success();
            return;
        }
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.USERNAME_HIDDEN);
        MultivaluedMap<String, String> formData = new MultivaluedHashMap<>();
        String hint = context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        if (hint != null && !hint.isBlank()) {
            formData.add(AuthenticationManager.FORM_USERNAME, hint.strip());
        }
        LoginFormsProvider form = context.form().setFormData(formData);
        if (context.getAuthenticationSession().getAuthNote(LOCKED_OUT_NOTE) != null) {
            context.getAuthenticationSession().removeAuthNote(LOCKED_OUT_NOTE);
            form.setError(MSG_LOCKED);
        }
        if (context.getAuthenticationSession().getAuthNote(PASSWORD_CHANGED_NOTE) != null) {
            context.getAuthenticationSession().removeAuthNote(PASSWORD_CHANGED_NOTE);
            form.setError(MSG_PASSWORD_CHANGED);
        }
        context.challenge(form.createLoginUsername());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String typed = formData.getFirst(AuthenticationManager.FORM_USERNAME);
        IdentifierConfig config = IdentifierConfig.of(context.getAuthenticatorConfig());
        Optional<Identifier> parsed = Identifier.parse(typed, config.upnDomain());
        if (parsed.isEmpty()) {
            Response challenge = context.form()
                    .addError(new FormMessage(Validation.FIELD_USERNAME, MSG_REQUIRED))
                    .createLoginUsername();
            context.forceChallenge(challenge);
            return;
        }
        Identifier identifier = parsed.get();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, identifier.display());
        // Makes the next pages show "← identifier" whether or not an account matched (Keycloak shows it
        // only when a user is set otherwise, which would tell unknown identifiers apart).
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.USERNAME_HIDDEN, "true");
        UserModel user = identifier.findAccount(context.getSession(), context.getRealm());
        String eventUsername = user == null
                ? unknownForEvents(context.getSession(), context.getRealm(), identifier.display())
                : identifier.display();
        authSession.setAuthNote(EVENT_USERNAME_NOTE, eventUsername);
        context.getEvent().detail(Details.USERNAME, eventUsername);
        authSession.removeAuthNote(DISABLED_USER_NOTE);
        if (user == null || !user.isEnabled()) {
            authSession.setAuthNote(UNKNOWN_IDENTIFIER_NOTE, "true");
            if (user != null) {
                authSession.setAuthNote(DISABLED_USER_NOTE, user.getId());
            }
            context.clearUser();
        } else {
            authSession.removeAuthNote(UNKNOWN_IDENTIFIER_NOTE);
            context.setUser(user);
        }
        context.success();
    }

    /** The username for events of this sign-in (see {@link #EVENT_USERNAME_NOTE}), or null before the identifier. */
    public static String eventUsername(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(EVENT_USERNAME_NOTE);
    }

    static String unknownForEvents(KeycloakSession session, RealmModel realm, String typed) {
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
            if (key == null || key.getSecretKey() == null) {
                return UNKNOWN_EVENT_USERNAME;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getSecretKey().getEncoded(), "HmacSHA256"));
            byte[] digest = mac.doFinal(typed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return UNKNOWN_EVENT_USERNAME + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException | RuntimeException e) {
            return UNKNOWN_EVENT_USERNAME;
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing to set up
    }

    @Override
    public void close() {
        // stateless
    }
}
