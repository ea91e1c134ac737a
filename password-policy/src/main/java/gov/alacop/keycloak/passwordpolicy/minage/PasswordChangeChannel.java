package gov.alacop.keycloak.passwordpolicy.minage;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Who is changing the password, read from Keycloak's model (never from the URL):
 * <ul>
 * <li>no authentication session: the admin REST API or an import, i.e. an administrator sets it;</li>
 * <li>the user carries the UPDATE_PASSWORD required action: the change is forced, by a temporary password, by an
 * expired password ({@code forceExpiredPasswordChange} adds the action to the user) or by an administrator;</li>
 * <li>otherwise the user chose to change it: account console, {@code kc_action=UPDATE_PASSWORD}, self-service reset
 * (the reset flow puts UPDATE_PASSWORD on the authentication session only, not on the user).</li>
 * </ul>
 */
public enum PasswordChangeChannel {
    ADMINISTRATOR,
    FORCED,
    USER_INITIATED;

    public static PasswordChangeChannel of(KeycloakSession session, UserModel user) {
        if (session.getContext().getAuthenticationSession() == null) {
            return ADMINISTRATOR;
        }
        String updatePassword = UserModel.RequiredAction.UPDATE_PASSWORD.name();
        if (user.getRequiredActionsStream().anyMatch(updatePassword::equals)) {
            return FORCED;
        }
        return USER_INITIATED;
    }
}
