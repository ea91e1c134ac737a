package gov.alacop.keycloak.adminrest;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/** Ends everything a user is signed in with, for the help desk's resets. */
public final class UserSessions {

    private UserSessions() {
    }

    /**
     * Removes the user's sessions and offline sessions and makes every token issued to the user until now invalid
     * (Keycloak's per-user "not before"), so neither a refresh token nor an offline token keeps working. Works in a
     * session without an HTTP request (the bulk rows run in their own).
     */
    public static void endAll(KeycloakSession session, RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        for (UserSessionModel online : session.sessions().getUserSessionsStream(realm, user).toList()) {
            session.sessions().removeUserSession(realm, online);
        }
        for (UserSessionModel offline : session.sessions().getOfflineUserSessionsStream(realm, user).toList()) {
            session.sessions().removeOfflineUserSession(realm, offline);
        }
    }
}
