package gov.alacop.keycloak.common.phone;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * The arithmetic of the sending limits: resend cooldown per channel and fixed-window counters per user (hour),
 * per verified number (day), per number typed at setup (day) and per client IP (hour). Counting itself happens cluster-wide elsewhere; this class only
 * decides, so it can be tested without a server.
 */
public final class SendLimits {

    public static final long TEXT_COOLDOWN_MILLIS = 30_000;
    public static final long VOICE_COOLDOWN_MILLIS = 60_000;
    public static final long HOUR_MILLIS = 3_600_000;
    public static final long DAY_MILLIS = 24 * HOUR_MILLIS;
    public static final int PER_USER_PER_HOUR = 5;
    public static final int PER_NUMBER_PER_DAY = 10;
    public static final int PER_IP_PER_HOUR = 30;
    /** Sends to a number typed at setup (not yet verified as the user's): a quota of its own, smaller. */
    public static final int PER_UNVERIFIED_NUMBER_PER_DAY = 3;

    /**
     * {@code NUMBER} counts codes to a user's verified number (sign-in); {@code UNVERIFIED_NUMBER} counts codes to a
     * number typed during setup, so a number typed by somebody else cannot use up its owner's sign-in codes.
     */
    public enum Scope { USER, NUMBER, UNVERIFIED_NUMBER, IP }

    /** One counter: the window it belongs to, its size, its limit. */
    public record Window(Scope scope, long startMillis, long lengthMillis, int limit) {
        public long endMillis() {
            return startMillis + lengthMillis;
        }
    }

    private SendLimits() {
    }

    public static long cooldownMillis(Channel channel) {
        return channel == Channel.VOICE ? VOICE_COOLDOWN_MILLIS : TEXT_COOLDOWN_MILLIS;
    }

    /** Milliseconds still to wait after the last send on this channel; 0 when a send is allowed. */
    public static long cooldownRemaining(Channel channel, long lastSentMillis, long nowMillis) {
        if (lastSentMillis <= 0) {
            return 0;
        }
        return Math.max(0, lastSentMillis + cooldownMillis(channel) - nowMillis);
    }

    /** The fixed window of a scope that contains {@code nowMillis}: an hour, or a day for numbers. */
    public static Window window(Scope scope, long nowMillis, int limit) {
        long length = scope == Scope.NUMBER || scope == Scope.UNVERIFIED_NUMBER ? DAY_MILLIS : HOUR_MILLIS;
        return new Window(scope, floor(nowMillis, length), length, limit);
    }

    /** Seconds to show as "try again in" for a full window, at least 1. */
    public static long secondsUntil(long thenMillis, long nowMillis) {
        return Math.max(1, (thenMillis - nowMillis + 999) / 1000);
    }

    private static long floor(long value, long unit) {
        return value - Math.floorMod(value, unit);
    }
}
