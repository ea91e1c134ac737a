package gov.alacop.keycloak.authenticators.password;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * Typed, null-safe view of the temporary-password settings, kept on the "AlaCOP password" step of the realm's
 * browser flow (Admin console → Authentication → flow → AlaCOP password → settings), where the expiry is enforced.
 */
public final class TemporaryPasswordConfig {

    public static final String PREFIX = "temporaryPasswordPrefix";
    public static final String EXPIRY_HOURS = "temporaryPasswordExpiryHours";
    public static final String DEFAULT_PREFIX = "New$Alacop#";
    public static final int DEFAULT_EXPIRY_HOURS = 72;
    public static final int MIN_EXPIRY_HOURS = 1;
    public static final int MAX_EXPIRY_HOURS = 30 * 24;

    private final Map<String, String> values;

    private TemporaryPasswordConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static TemporaryPasswordConfig of(AuthenticatorConfigModel model) {
        return new TemporaryPasswordConfig(model == null ? null : model.getConfig());
    }

    /** The settings of the realm's browser flow's "AlaCOP password" step, or the defaults when it has none. */
    public static TemporaryPasswordConfig of(RealmModel realm) {
        AuthenticatorConfigModel found = realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(e -> PasswordAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator()))
                .map(e -> e.getAuthenticatorConfig() == null ? null : realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return of(found);
    }

    public String prefix() {
        String value = values.get(PREFIX);
        return value == null || value.isBlank() ? DEFAULT_PREFIX : value.strip();
    }

    /** How long an issued temporary password may be used: 1 hour to 30 days, default 72 hours. */
    public Duration expiry() {
        String value = values.get(EXPIRY_HOURS);
        int hours = DEFAULT_EXPIRY_HOURS;
        if (value != null && !value.isBlank()) {
            try {
                hours = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                hours = DEFAULT_EXPIRY_HOURS;
            }
        }
        return Duration.ofHours(Math.max(MIN_EXPIRY_HOURS, Math.min(MAX_EXPIRY_HOURS, hours)));
    }
}
