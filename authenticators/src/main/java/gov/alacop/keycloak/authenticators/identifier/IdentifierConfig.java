package gov.alacop.keycloak.authenticators.identifier;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import gov.alacop.keycloak.common.realm.AlaCopRealm;

/** Typed, null-safe view of the identifier step's configuration in the admin console. */
final class IdentifierConfig {

    static final String UPN_DOMAIN = AlaCopRealm.UPN_DOMAIN_OPTION;
    static final String DEFAULT_UPN_DOMAIN = AlaCopRealm.DEFAULT_UPN_DOMAIN;

    private final Map<String, String> values;

    private IdentifierConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    static IdentifierConfig of(AuthenticatorConfigModel model) {
        return new IdentifierConfig(model == null ? null : model.getConfig());
    }

    String upnDomain() {
        return AlaCopRealm.upnDomain(values.get(UPN_DOMAIN));
    }

    /** The settings as the admin console shows them on the identifier step. */
    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(UPN_DOMAIN)
                .label("UPN domain")
                .helpText("Domain of the AlaCOP e-mail address (user-principal name). 'user@<domain>' signs in as "
                        + "username 'user'; the bare username works too. Default: " + DEFAULT_UPN_DOMAIN)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_UPN_DOMAIN)
                .add()
                .build();
    }
}
