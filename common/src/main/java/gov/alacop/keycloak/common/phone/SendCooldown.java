package gov.alacop.keycloak.common.phone;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * The resend cooldown as a cluster-wide record per user and channel in Keycloak's SingleUseObjectProvider, so a
 * new sign-in (a new authentication session) or another node does not skip it. Taken atomically before a send,
 * given back when nothing went out, and cleared once a code was accepted (the exchange is over).
 */
final class SendCooldown {

    private static final String PREFIX = "alacop.phone.cooldown.";
    private static final String SENT_AT = "sentAt";

    private final SingleUseObjectProvider store;

    SendCooldown(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    /** 0 when this send may go ahead (the record is then taken), else the milliseconds still to wait. */
    long tryTake(String userKey, Channel channel, long nowMillis) {
        String key = key(userKey, channel);
        long seconds = Math.max(1, SendLimits.cooldownMillis(channel) / 1000);
        if (store.putIfAbsent(key, seconds)) {
            store.put(key + "." + SENT_AT, seconds, Map.of(SENT_AT, Long.toString(nowMillis)));
            return 0;
        }
        long sentAt = nowMillis;
        Map<String, String> notes = store.get(key + "." + SENT_AT);
        if (notes != null && notes.get(SENT_AT) != null) {
            try {
                sentAt = Long.parseLong(notes.get(SENT_AT));
            } catch (NumberFormatException e) {
                sentAt = nowMillis;
            }
        }
        return Math.max(1, SendLimits.cooldownRemaining(channel, sentAt, nowMillis));
    }

    void giveBack(String userKey, Channel channel) {
        store.remove(key(userKey, channel));
        store.remove(key(userKey, channel) + "." + SENT_AT);
    }

    void clear(String userKey) {
        for (Channel channel : Channel.values()) {
            giveBack(userKey, channel);
        }
    }

    private static String key(String userKey, Channel channel) {
        return PREFIX + channel.value() + "." + userKey;
    }
}
