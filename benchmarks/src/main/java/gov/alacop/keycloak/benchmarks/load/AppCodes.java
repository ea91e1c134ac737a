package gov.alacop.keycloak.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app (RFC 6238: HMAC-SHA1, 6 digits, 30 s) for one account, with the realm's rule that a code is
 * accepted once: every code it gives belongs to a later 30-second period than the one before. Keycloak's look-ahead
 * window (1 in the AlaCOP realm) accepts the next period's code too, so an account can sign in twice in a row; after
 * that it waits for the next period ({@link #secondsUntilNextCode}).
 */
final class AppCodes {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int PERIOD_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String secret;
    private long lastPeriod = Long.MIN_VALUE;

    private AppCodes(String secret) {
        this.secret = secret;
    }

    /** A new app with a random 160-bit key (Base32, as Keycloak stores it with {@code secretEncoding BASE32}). */
    static AppCodes withRandomSecret() {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            key.append(BASE32.charAt(RANDOM.nextInt(32)));
        }
        return new AppCodes(key.toString());
    }

    /** The key, for the credential the account is created with. */
    String secret() {
        return secret;
    }

    /** 0 when {@link #next()} has a code now; else the seconds until it will. */
    synchronized double secondsUntilNextCode(long nowMillis) {
        long current = nowMillis / 1000 / PERIOD_SECONDS;
        long next = Math.max(current, lastPeriod + 1);
        if (next <= current + 1) {
            return 0;
        }
        return ((next - 1) * PERIOD_SECONDS * 1000L - nowMillis) / 1000.0;
    }

    /** The code of the earliest period not used yet (the current one or the next), marking it used. */
    synchronized String next(long nowMillis) {
        long current = nowMillis / 1000 / PERIOD_SECONDS;
        long period = Math.max(current, lastPeriod + 1);
        if (period > current + 1) {
            throw new IllegalStateException("no unused code before the next period");
        }
        lastPeriod = period;
        return code(period);
    }

    synchronized long lastPeriod() {
        return lastPeriod;
    }

    private String code(long period) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decodeBase32(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(period).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeBase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
