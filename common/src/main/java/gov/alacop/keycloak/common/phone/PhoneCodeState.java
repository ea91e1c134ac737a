package gov.alacop.keycloak.common.phone;

import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * The state of a {@link PhoneCodeExchange}, kept in authentication-session notes under a prefix (each user of the
 * exchange has its own): the number, the channel, the last send time and the hashed code. The entries against a
 * code are also counted cluster-wide ({@link CodeAttempts}), so parallel posts cannot get more tries than allowed.
 */
final class PhoneCodeState {

    private final AuthenticationSessionModel authSession;
    private final String prefix;
    private final CodeAttempts attempts;

    PhoneCodeState(KeycloakSession session, AuthenticationSessionModel authSession, String prefix) {
        this.authSession = authSession;
        this.prefix = prefix;
        this.attempts = new CodeAttempts(session);
    }

    String number() {
        return note("number");
    }

    Channel channel() {
        Channel channel = Channel.parse(note("channel"));
        return channel == null ? Channel.TEXT : channel;
    }

    void target(String number, Channel channel) {
        authSession.setAuthNote(prefix + ".number", number);
        authSession.setAuthNote(prefix + ".channel", channel.value());
    }

    /** When a code last went out on this channel (0: never), for the resend cooldown of that channel. */
    long lastSentMillis(Channel channel) {
        String value = note("sentAt." + channel.value());
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    PhoneCode code() {
        return PhoneCode.decode(note("code"));
    }

    /** The code being replaced, with its wrong entries as counted cluster-wide (a resend does not reset them). */
    PhoneCode replacedCode() {
        PhoneCode code = code();
        return code == null ? null : code.withFailures(attempts.taken(code));
    }

    void sent(PhoneCode code, Channel channel, long nowMillis) {
        authSession.setAuthNote(prefix + ".code", code.encode());
        authSession.setAuthNote(prefix + ".sentAt." + channel.value(), Long.toString(nowMillis));
    }

    /**
     * Checks an entry and records its outcome (one more failure, or used). Each entry first takes one of the
     * code's cluster-wide slots; without a free slot the entry is not looked at.
     */
    PhoneCode.Verdict verify(String entered, long nowMillis) {
        PhoneCode code = code();
        if (code == null) {
            return PhoneCode.Verdict.EXPIRED;
        }
        if (code.used()) {
            return PhoneCode.Verdict.USED;
        }
        if (nowMillis > code.expiresAtMillis()) {
            return PhoneCode.Verdict.EXPIRED;
        }
        int slot = attempts.claim(code, code.failures());
        if (slot < 0) {
            authSession.setAuthNote(prefix + ".code", code.withFailures(PhoneCode.MAX_FAILURES).encode());
            return PhoneCode.Verdict.TOO_MANY_FAILURES;
        }
        PhoneCode.Verdict verdict = code.check(entered, nowMillis);
        if (verdict == PhoneCode.Verdict.WRONG) {
            authSession.setAuthNote(prefix + ".code", code.withFailures(slot + 1).encode());
        } else if (verdict == PhoneCode.Verdict.ACCEPTED) {
            if (!attempts.use(code)) {
                return PhoneCode.Verdict.USED;
            }
            authSession.setAuthNote(prefix + ".code", code.markUsed().encode());
        }
        return verdict;
    }

    /** Wrong entries left on the current code. */
    int attemptsLeft() {
        PhoneCode code = code();
        return code == null ? 0
                : Math.max(0, PhoneCode.MAX_FAILURES - Math.max(code.failures(), attempts.taken(code)));
    }

    /** Forgets the number and its code; the last send time stays, so another number does not skip the cooldown. */
    void clear() {
        for (String key : new String[] {"number", "channel", "code"}) {
            authSession.removeAuthNote(prefix + "." + key);
        }
    }

    /** Forgets everything, when the exchange is over. */
    void finish() {
        clear();
        for (Channel channel : Channel.values()) {
            authSession.removeAuthNote(prefix + ".sentAt." + channel.value());
        }
    }

    private String note(String key) {
        return authSession.getAuthNote(prefix + "." + key);
    }
}
