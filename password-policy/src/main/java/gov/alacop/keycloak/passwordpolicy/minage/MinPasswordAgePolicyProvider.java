package gov.alacop.keycloak.passwordpolicy.minage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Refuses a change the user started within N hours of the current password's creation. Reads only the stored
 * credential's creation date: no password hash is involved.
 */
final class MinPasswordAgePolicyProvider implements PasswordPolicyProvider {

    /** "You can change your password again after {0} on {1}." with {0} the time and {1} the date. */
    static final String MESSAGE = "alacopMinPasswordAgeMessage";

    private final KeycloakSession session;

    MinPasswordAgePolicyProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        if (user == null || PasswordChangeChannel.of(session, user) != PasswordChangeChannel.USER_INITIATED) {
            return null;
        }
        Optional<Long> lastChange = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate)
                .filter(Objects::nonNull)
                .findFirst();
        if (lastChange.isEmpty()) {
            return null;
        }
        int hours = realm.getPasswordPolicy().getPolicyConfig(MinPasswordAgePolicyProviderFactory.ID);
        // Keycloak's clock (Time) rather than the JVM's, so that Keycloak's time offset applies here too.
        Optional<Instant> refusedUntil = new MinimumPasswordAge(hours)
                .refusedUntil(Instant.ofEpochMilli(lastChange.get()), Instant.ofEpochMilli(Time.currentTimeMillis()));
        if (refusedUntil.isEmpty()) {
            return null;
        }
        Locale locale = session.getContext().resolveLocale(user);
        MinimumPasswordAge.When when = MinimumPasswordAge.describe(refusedUntil.get(), TimeZoneSetting.of(realm), locale);
        return new PolicyError(MESSAGE, when.time(), when.date());
    }

    @Override
    public PolicyError validate(String user, String password) {
        // Without the user there is no last change to measure from.
        return null;
    }

    @Override
    public Object parseConfig(String value) {
        Integer hours = parseInteger(value, MinimumPasswordAge.DEFAULT_HOURS);
        if (hours < 0) {
            throw new IllegalArgumentException("The minimum password age is a number of hours, 0 or more");
        }
        return hours;
    }

    @Override
    public void close() {
        // nothing held
    }

    /** The zone in which the refusal names the time: realm attribute {@value #ATTRIBUTE}, default US Central. */
    static final class TimeZoneSetting {
        static final String ATTRIBUTE = "alacopTimeZone";
        static final ZoneId DEFAULT = ZoneId.of("America/Chicago");

        private TimeZoneSetting() {
        }

        static ZoneId of(RealmModel realm) {
            String value = realm.getAttribute(ATTRIBUTE);
            if (value == null || value.isBlank()) {
                return DEFAULT;
            }
            try {
                return ZoneId.of(value.strip());
            } catch (java.time.DateTimeException e) {
                return DEFAULT;
            }
        }
    }
}
