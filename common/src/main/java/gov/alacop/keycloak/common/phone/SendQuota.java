package gov.alacop.keycloak.common.phone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Cluster-wide send counters on Keycloak's SingleUseObjectProvider. A window of limit N is N slots; a send takes
 * the first free slot with the atomic {@code putIfAbsent}, so two nodes never both take the last one. Slots
 * expire with their window. Subjects are hashed so no phone number or address sits in a cache key.
 */
public final class SendQuota {

    private static final String PREFIX = "alacop.phone.send.";

    private final SingleUseObjectProvider store;

    public SendQuota(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    SendQuota(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Takes one slot in each scope's window, or none. Returns 0 when the send may go ahead, otherwise the
     * milliseconds until the first full window ends.
     */
    public long tryAcquire(Map<SendLimits.Scope, String> subjects, long nowMillis, PhoneLimits limits) {
        Map<SendLimits.Scope, String> ordered = new LinkedHashMap<>(subjects);
        List<String> taken = new ArrayList<>();
        for (Map.Entry<SendLimits.Scope, String> subject : ordered.entrySet()) {
            SendLimits.Window window = SendLimits.window(subject.getKey(), nowMillis, limits.limit(subject.getKey()));
            String slot = takeSlot(window, subject.getValue(), nowMillis);
            if (slot == null) {
                taken.forEach(store::remove);
                return Math.max(1, window.endMillis() - nowMillis);
            }
            taken.add(slot);
        }
        return 0;
    }

    private String takeSlot(SendLimits.Window window, String subject, long nowMillis) {
        long lifespanSeconds = Math.max(1, (window.endMillis() - nowMillis) / 1000 + 1);
        String base = PREFIX + window.scope().name().toLowerCase() + "." + digest(subject) + "." + window.startMillis();
        for (int i = 0; i < window.limit(); i++) {
            String key = base + "." + i;
            if (store.putIfAbsent(key, lifespanSeconds)) {
                return key;
            }
        }
        return null;
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
