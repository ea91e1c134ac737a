package gov.alacop.keycloak.requiredactions.password;

import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.models.KeycloakSession;

/**
 * Takes over Keycloak's UPDATE_PASSWORD required action (same id, higher {@link #order()}: Keycloak keeps the
 * factory with the highest order when two share an id), so temporary passwords, expired passwords, the account
 * console and {@code kc_action=UPDATE_PASSWORD} all get the AlaCOP page. Everything else (display name, the
 * expired-password trigger, maximum authentication age) is Keycloak's own.
 */
public final class AlaCopUpdatePasswordFactory extends UpdatePassword {

    private static final AlaCopUpdatePassword PROVIDER = new AlaCopUpdatePassword();

    @Override
    public int order() {
        return 100;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return PROVIDER;
    }
}
