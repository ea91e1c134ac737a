package gov.alacop.keycloak.requiredactions.totp;

import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.models.KeycloakSession;

/**
 * Takes over Keycloak's CONFIGURE_TOTP required action (same id, higher {@link #order()}: Keycloak keeps the
 * factory with the highest order when two share an id), so the enrollment wizard, administrators and
 * {@code kc_action=CONFIGURE_TOTP} all get {@link ServerSecretUpdateTotp}. Display name, configuration (maximum
 * authentication age, recovery codes) and the credential type are Keycloak's own.
 */
public final class AlaCopUpdateTotpFactory extends UpdateTotp {

    private static final ServerSecretUpdateTotp PROVIDER = new ServerSecretUpdateTotp();

    @Override
    public int order() {
        return 100;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return PROVIDER;
    }
}
