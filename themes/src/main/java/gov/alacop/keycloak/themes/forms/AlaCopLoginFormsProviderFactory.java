package gov.alacop.keycloak.themes.forms;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes the place of Keycloak's own "freemarker" login-forms factory (a custom factory with the same id wins
 * over the built-in one), so a stock Keycloak needs no extra server option. Pages of other themes render as before.
 */
public final class AlaCopLoginFormsProviderFactory extends FreeMarkerLoginFormsProviderFactory {

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new AlaCopLoginFormsProvider(session);
    }
}
