package gov.alacop.keycloak.common.phone;

import org.keycloak.models.RealmModel;

/**
 * The sending limits of a realm: defaults 5 per user per hour, 10 per verified number per day (sign-in), 3 per
 * number typed at setup per day, 30 per client IP per hour, each overridable by a realm attribute
 * ({@code alacop.phone.sendsPerUserPerHour}, {@code ...PerNumberPerDay}, {@code ...PerUnverifiedNumberPerDay},
 * {@code ...PerIpPerHour}) through the admin REST API.
 */
public record PhoneLimits(int perUserPerHour, int perNumberPerDay, int perUnverifiedNumberPerDay, int perIpPerHour) {

    public static final String ATTRIBUTE_PREFIX = "alacop.phone.";
    public static final String PER_USER = ATTRIBUTE_PREFIX + "sendsPerUserPerHour";
    public static final String PER_NUMBER = ATTRIBUTE_PREFIX + "sendsPerNumberPerDay";
    public static final String PER_UNVERIFIED_NUMBER = ATTRIBUTE_PREFIX + "sendsPerUnverifiedNumberPerDay";
    public static final String PER_IP = ATTRIBUTE_PREFIX + "sendsPerIpPerHour";

    public static final PhoneLimits DEFAULTS = new PhoneLimits(SendLimits.PER_USER_PER_HOUR,
            SendLimits.PER_NUMBER_PER_DAY, SendLimits.PER_UNVERIFIED_NUMBER_PER_DAY, SendLimits.PER_IP_PER_HOUR);

    public static PhoneLimits of(RealmModel realm) {
        return new PhoneLimits(read(realm, PER_USER, DEFAULTS.perUserPerHour),
                read(realm, PER_NUMBER, DEFAULTS.perNumberPerDay),
                read(realm, PER_UNVERIFIED_NUMBER, DEFAULTS.perUnverifiedNumberPerDay),
                read(realm, PER_IP, DEFAULTS.perIpPerHour));
    }

    public int limit(SendLimits.Scope scope) {
        return switch (scope) {
            case USER -> perUserPerHour;
            case NUMBER -> perNumberPerDay;
            case UNVERIFIED_NUMBER -> perUnverifiedNumberPerDay;
            case IP -> perIpPerHour;
        };
    }

    private static int read(RealmModel realm, String attribute, int fallback) {
        String value = realm == null ? null : realm.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            // At most 10 000 slots: each is one entry in the cluster's single-use store.
            return parsed >= 1 && parsed <= 10_000 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
