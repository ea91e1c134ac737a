package gov.alacop.keycloak.authenticators.password;

import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordExpiry;

/**
 * Which password the password step of this sign-in verified: the stored credential's id and creation time, in an
 * auth-session note. A later step asks {@link #stillCurrent} so that a sign-in in flight in another browser does not
 * finish with a password that was changed meanwhile (a self-service reset ends "in-flight authentication sessions":
 * Keycloak has no index of them by user, so each one checks for itself). A re-hash keeps id and creation time.
 */
public final class VerifiedPassword {

    static final String NOTE = "alacop.password.verified";

    private VerifiedPassword() {
    }

    static void remember(AuthenticationSessionModel authSession, UserModel user) {
        authSession.setAuthNote(NOTE, fingerprint(user));
    }

    /**
     * False when this sign-in's password step verified a password that is no longer the user's. True when it is,
     * and when no AlaCOP password step ran in this flow (a realm's own flow with Keycloak's password form).
     */
    public static boolean stillCurrent(AuthenticationSessionModel authSession, UserModel user) {
        String verified = authSession.getAuthNote(NOTE);
        return verified == null || verified.equals(fingerprint(user));
    }

    private static String fingerprint(UserModel user) {
        return TemporaryPasswordExpiry.currentPassword(user)
                .map(password -> password.getId() + ":" + password.getCreatedDate())
                .orElse("none");
    }
}
