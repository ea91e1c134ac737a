package gov.alacop.keycloak.authenticators.identifier;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/** Typed, null-safe view of the identifier step's configuration in the admin console. */
final class IdentifierConfig {

    static final String UPN_DOMAIN = "upnDomain";
    static final String DEFAULT_UPN_DOMAIN = "alacop.gov";

    private final Map<String, String> values;

    private IdentifierConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    static IdentifierConfig of(AuthenticatorConfigModel model) {
        return new IdentifierConfig(model == null ? null : model.getConfig());
    }

    String upnDomain() {
        String value = values.get(UPN_DOMAIN);
        return value == null || value.isBlank() ? DEFAULT_UPN_DOMAIN : value.strip();
    }
}
