package gov.alacop.keycloak.authenticators.reset;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A step of the reset flow. None needs a user in the flow (an unknown identifier walks the same steps), none is set up
 * by the officer, and none holds state: what a step knows lives in its execution-scoped auth-session notes.
 */
abstract class ResetStep implements Authenticator {

    @Override
    public final boolean requiresUser() {
        return false;
    }

    @Override
    public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public final void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public final void close() {
    }
}
