package gov.alacop.keycloak.authenticators.reset;

import java.util.HexFormat;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's brute-force lockout, played for an identifier the reset cannot succeed for (unknown, disabled, locked,
 * a pending temporary password, not enough methods), so that failed proofs end at the help desk exactly when they
 * would for a real account: after the realm's failure factor, and after two failures closer together than its
 * quick-login check, across authentication sessions and nodes. Every failed reset proof of an identifier counts,
 * the real ones too, so a locked account (whose reset is a decoy) and an unknown identifier read alike. The record lives in Keycloak's cluster-wide
 * SingleUseObjectProvider under a keyed hash of the identifier (never the text typed) and expires after the realm's
 * failure reset time. The rule itself is {@link Rule}, the arithmetic of Keycloak's DefaultBruteForceProtector.
 */
final class DecoyLockout {

    private static final String PREFIX = "alacop.reset.decoy-failures.";
    private static final String FAILURES = "failures";
    private static final String LAST = "last";
    private static final String NOT_BEFORE = "notBefore";

    /** The realm's brute-force settings that decide a lockout. */
    record Rule(int failureFactor, boolean permanent, long quickLoginCheckMillis, int minimumQuickLoginWaitSeconds,
            int waitIncrementSeconds, int maxWaitSeconds, int failureResetSeconds) {

        static Rule of(RealmModel realm) {
            return new Rule(realm.getFailureFactor(), realm.isPermanentLockout(), realm.getQuickLoginCheckMilliSeconds(),
                    realm.getMinimumQuickLoginWaitSeconds(), realm.getWaitIncrementSeconds(),
                    realm.getMaxFailureWaitSeconds(), realm.getMaxDeltaTimeSeconds());
        }

        /** The state after one more failure at {@code now}. */
        State failed(State before, long now) {
            State state = before;
            if (state.failures() > 0 && now - state.lastFailure() > failureResetSeconds * 1000L) {
                state = State.NONE;
            }
            int failures = state.failures() + 1;
            long notBefore = state.notBefore();
            if (state.lastFailure() > 0 && now - state.lastFailure() < quickLoginCheckMillis) {
                notBefore = Math.max(notBefore, now + minimumQuickLoginWaitSeconds * 1000L);
            }
            if (failureFactor > 0 && failures >= failureFactor) {
                if (permanent) {
                    notBefore = Long.MAX_VALUE;
                } else {
                    long wait = Math.min((long) waitIncrementSeconds * (failures / failureFactor), maxWaitSeconds);
                    notBefore = Math.max(notBefore, now + wait * 1000L);
                }
            }
            return new State(failures, now, notBefore);
        }

        boolean locked(State state, long now) {
            return now < state.notBefore();
        }
    }

    /** Failures counted, the last one's time and the time before which the identifier counts as locked (millis). */
    record State(int failures, long lastFailure, long notBefore) {
        static final State NONE = new State(0, 0, 0);
    }

    private final SingleUseObjectProvider store;
    private final Rule rule;
    private final String key;

    private DecoyLockout(KeycloakSession session, RealmModel realm, String identifier) {
        this.store = session.singleUseObjects();
        this.rule = Rule.of(realm);
        this.key = PREFIX + realm.getId() + "." + HexFormat.of().formatHex(
                ResetKeyedHash.of(session, realm, "reset-decoy-lockout", identifier), 0, 16);
    }

    static DecoyLockout of(KeycloakSession session, RealmModel realm, String identifier) {
        return new DecoyLockout(session, realm, identifier);
    }

    boolean locked(long now) {
        return rule.locked(read(), now);
    }

    void failed(long now) {
        State state = rule.failed(read(), now);
        long lifespan = Math.max(1, Math.max(rule.failureResetSeconds(),
                state.notBefore() == Long.MAX_VALUE ? rule.failureResetSeconds() : (state.notBefore() - now) / 1000 + 1));
        store.put(key, lifespan, Map.of(FAILURES, Integer.toString(state.failures()), LAST, Long.toString(state.lastFailure()),
                NOT_BEFORE, Long.toString(state.notBefore())));
    }

    /** A reset that passed its proofs, as a successful sign-in clears Keycloak's failure count. */
    void clear() {
        store.remove(key);
    }

    private State read() {
        Map<String, String> notes = store.get(key);
        if (notes == null) {
            return State.NONE;
        }
        try {
            return new State(Integer.parseInt(notes.get(FAILURES)), Long.parseLong(notes.get(LAST)),
                    Long.parseLong(notes.get(NOT_BEFORE)));
        } catch (RuntimeException unreadable) {
            // Fail closed: a record that cannot be read counts as a lockout.
            return new State(Integer.MAX_VALUE, 0, Long.MAX_VALUE);
        }
    }
}
