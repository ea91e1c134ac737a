package gov.alacop.keycloak.common.temporarypassword;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import gov.alacop.keycloak.common.realm.AlaCopRealm;

/**
 * Typed, null-safe view of the temporary-password settings, kept on the "AlaCOP password" step of the realm's
 * browser flow (Admin console → Authentication → flow → AlaCOP password → settings), where the expiry is enforced.
 */
public final class TemporaryPasswordConfig {

    public static final String PREFIX = "temporaryPasswordPrefix";
    public static final String EXPIRY_HOURS = "temporaryPasswordExpiryHours";
    public static final String MAX_FAILURES = "temporaryPasswordMaxFailures";
    public static final String REFUSE_USERNAME_WITH_DIGITS = "refuseUsernameWithSsnDigits";
    public static final String DEFAULT_PREFIX = "New$Alacop#";
    public static final int DEFAULT_EXPIRY_HOURS = 72;
    public static final int MIN_EXPIRY_HOURS = 1;
    public static final int MAX_EXPIRY_HOURS = 30 * 24;
    public static final int DEFAULT_MAX_FAILURES = 3;
    public static final int MAX_MAX_FAILURES = 10;

    private final Map<String, String> values;

    private TemporaryPasswordConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static TemporaryPasswordConfig of(AuthenticatorConfigModel model) {
        return new TemporaryPasswordConfig(model == null ? null : model.getConfig());
    }

    /** The settings of the realm's browser flow's "AlaCOP password" step, or the defaults when it has none. */
    public static TemporaryPasswordConfig of(RealmModel realm) {
        return of(AlaCopRealm.stepConfig(realm, AlaCopRealm.PASSWORD_STEP).orElse(null));
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

    /**
     * Wrong passwords against a pending temporary password before the account locks: 1 to 10, default 3. An
     * unreadable value gives the default (the strict one).
     */
    public int maxFailures() {
        String value = values.get(MAX_FAILURES);
        int failures = DEFAULT_MAX_FAILURES;
        if (value != null && !value.isBlank()) {
            try {
                failures = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                failures = DEFAULT_MAX_FAILURES;
            }
        }
        return Math.max(1, Math.min(MAX_MAX_FAILURES, failures));
    }

    /**
     * Whether a temporary password is refused for a username that contains the four SSN digits (the password would
     * follow from the username). Default false (the issuer warns); anything but {@code true}/{@code false} refuses.
     */
    public boolean refuseUsernameWithDigits() {
        String value = values.get(REFUSE_USERNAME_WITH_DIGITS);
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        return true;
    }

    /** The settings as the admin console shows them on the password step. */
    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(PREFIX)
                .label("Temporary password prefix")
                .helpText("Start of every temporary password issued through the AlaCOP admin API: prefix + last-name "
                        + "initial + SSN last 4 + first-name initial. Default: " + DEFAULT_PREFIX)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_PREFIX)
                .add()
                .property()
                .name(EXPIRY_HOURS)
                .label("Temporary password expiry (hours)")
                .helpText("Hours an issued temporary password can be used to sign in: 1 to 720 (30 days). After that the "
                        + "sign-in is refused and the officer is told to contact the help desk. Default: "
                        + DEFAULT_EXPIRY_HOURS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(DEFAULT_EXPIRY_HOURS))
                .add()
                .property()
                .name(MAX_FAILURES)
                .label("Wrong temporary passwords before lock")
                .helpText("While a temporary password is pending, this many wrong passwords (1 to 10) lock the account "
                        + "until the help desk enables the user again or issues a new temporary password. Default: "
                        + DEFAULT_MAX_FAILURES)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(DEFAULT_MAX_FAILURES))
                .add()
                .property()
                .name(REFUSE_USERNAME_WITH_DIGITS)
                .label("Refuse usernames holding the SSN digits")
                .helpText("When on, the temporary-password API refuses a user whose username contains the four SSN digits "
                        + "(the temporary password would follow from the username). When off, it issues and warns.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .build();
    }
}
