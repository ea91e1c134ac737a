package gov.alacop.keycloak.common.temporarypassword;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * The stricter lockout of a pending temporary password: after the configured number of wrong passwords (default 3)
 * the account is locked until the help desk acts. The lock is Keycloak's own permanent lockout of that user
 * (disabled, {@code disabledReason=permanentLockout}), so Keycloak's brute-force status reports it and the
 * administrator's unlock (enabling the user in the admin console or API) lifts it; a re-issue of the temporary
 * password lifts it too ({@link #lift}). The count is a user attribute, so it holds on every node of a cluster and
 * across restarts.
 */
public final class TemporaryPasswordLock {

    /** Wrong passwords typed against the pending temporary password so far. */
    public static final String FAILURES_ATTRIBUTE = "alacopTemporaryPasswordFailures";
    /** When the stricter lockout locked the account (epoch ms); tells our lock from any other disabling. */
    public static final String LOCKED_AT_ATTRIBUTE = "alacopTemporaryPasswordLockedAt";

    private TemporaryPasswordLock() {
    }

    /** Whether the account is disabled by this lock (and not unlocked since). */
    public static boolean isLocked(UserModel user) {
        return !user.isEnabled() && user.getFirstAttribute(LOCKED_AT_ATTRIBUTE) != null;
    }

    /** An administrator enabled a user this lock had disabled: the lock is over, and its count with it. */
    public static void forgetLiftedLock(UserModel user) {
        if (user.isEnabled() && user.getFirstAttribute(LOCKED_AT_ATTRIBUTE) != null) {
            user.removeAttribute(LOCKED_AT_ATTRIBUTE);
            user.removeAttribute(FAILURES_ATTRIBUTE);
        }
    }

    /** Counts one wrong (or expired) temporary password; returns whether this attempt locked the account. */
    public static boolean countFailure(UserModel user, int maxFailures) {
        int failures = failures(user) + 1;
        if (failures >= maxFailures) {
            user.setEnabled(false);
            user.setSingleAttribute(UserModel.DISABLED_REASON, BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);
            user.setSingleAttribute(LOCKED_AT_ATTRIBUTE, Long.toString(Time.currentTimeMillis()));
            user.removeAttribute(FAILURES_ATTRIBUTE);
            return true;
        }
        user.setSingleAttribute(FAILURES_ATTRIBUTE, Integer.toString(failures));
        return false;
    }

    /** The right temporary password was typed: earlier mistakes no longer count. */
    public static void forgetFailures(UserModel user) {
        if (user.getFirstAttribute(FAILURES_ATTRIBUTE) != null) {
            user.removeAttribute(FAILURES_ATTRIBUTE);
        }
    }

    /**
     * A new temporary password was issued: its window starts clean. Lifts this lock (a user disabled for any other
     * reason stays disabled) and clears Keycloak's failure count of the user.
     */
    public static void lift(KeycloakSession session, RealmModel realm, UserModel user) {
        user.removeAttribute(FAILURES_ATTRIBUTE);
        if (user.getFirstAttribute(LOCKED_AT_ATTRIBUTE) != null) {
            user.removeAttribute(LOCKED_AT_ATTRIBUTE);
            if (!user.isEnabled()
                    && BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT.equals(user.getFirstAttribute(UserModel.DISABLED_REASON))) {
                user.removeAttribute(UserModel.DISABLED_REASON);
                user.setEnabled(true);
            }
        }
        session.loginFailures().removeUserLoginFailure(realm, user.getId());
    }

    /** An unreadable count counts as the limit reached (fail closed). */
    private static int failures(UserModel user) {
        String value = user.getFirstAttribute(FAILURES_ATTRIBUTE);
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE - 1;
        }
    }
}
