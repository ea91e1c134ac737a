package gov.alacop.keycloak.common.phone;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The entries against one code, counted cluster-wide: entry number i takes the slot {@code <salt>.<i>} with the
 * atomic {@code putIfAbsent} of Keycloak's SingleUseObjectProvider. Parallel posts (on one node or several) read
 * the same authentication-session note, but never get the same slot, so no more than {@link PhoneCode#MAX_FAILURES}
 * entries are ever checked against a code. The salt is random per code; slots expire with the code.
 */
final class CodeAttempts {

    private static final String PREFIX = "alacop.phone.attempt.";
    private static final long LIFESPAN_SECONDS = PhoneCode.VALIDITY_MILLIS / 1000 + 60;

    private final SingleUseObjectProvider store;

    CodeAttempts(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    /** Takes the next free entry slot from {@code from} on; -1 when all {@link PhoneCode#MAX_FAILURES} are taken. */
    int claim(PhoneCode code, int from) {
        for (int i = Math.max(0, from); i < PhoneCode.MAX_FAILURES; i++) {
            if (store.putIfAbsent(PREFIX + code.salt() + "." + i, LIFESPAN_SECONDS)) {
                return i;
            }
        }
        return -1;
    }

    /** Entries made so far against this code, whatever the note says. */
    int taken(PhoneCode code) {
        int taken = 0;
        for (int i = 0; i < PhoneCode.MAX_FAILURES; i++) {
            if (store.contains(PREFIX + code.salt() + "." + i)) {
                taken = i + 1;
            }
        }
        return taken;
    }

    /** True for the one post that may use the code (single use across parallel posts too). */
    boolean use(PhoneCode code) {
        return store.putIfAbsent(PREFIX + code.salt() + ".used", LIFESPAN_SECONDS);
    }
}
