package gov.alacop.keycloak.common.phone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A one-time phone code as kept in the authentication session: only a salted hash of the code, its expiry, the
 * wrong entries against this code ({@code failures}, at most 5, then a new code is needed), the wrong entries
 * against the codes it replaced ({@code priorFailures}: a resend never resets the count, see {@link #issue}), and
 * whether it was used. Serialized to one note value ({@link #encode()}).
 */
public record PhoneCode(String salt, String hash, long expiresAtMillis, int failures, int priorFailures,
                        boolean used) {

    public static final int DIGITS = 6;
    public static final long VALIDITY_MILLIS = 5 * 60 * 1000L;
    public static final int MAX_FAILURES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Verdict { ACCEPTED, WRONG, EXPIRED, TOO_MANY_FAILURES, USED }

    /** A fresh random code (6 digits, leading zeros kept). */
    public static String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /**
     * Stores {@code code}, replacing {@code replaced} (null for the first). A resend does not reset the wrong
     * entries of the code it replaces: they count against the new code too, so resending never buys fresh tries.
     * Only a code used up by {@link #MAX_FAILURES} wrong entries ("Send a new code") is followed by one with all
     * its tries; those failures already count in Keycloak's brute-force protection, which locks at sign-in.
     */
    public static PhoneCode issue(String code, long nowMillis, PhoneCode replaced) {
        int carried = replaced == null || replaced.failures >= MAX_FAILURES ? 0 : replaced.failures;
        int prior = replaced == null ? 0 : replaced.totalFailures() - carried;
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(saltBytes);
        return new PhoneCode(salt, hash(salt, code), nowMillis + VALIDITY_MILLIS, carried, prior, false);
    }

    public Verdict check(String entered, long nowMillis) {
        if (used) {
            return Verdict.USED;
        }
        if (failures >= MAX_FAILURES) {
            return Verdict.TOO_MANY_FAILURES;
        }
        if (nowMillis > expiresAtMillis) {
            return Verdict.EXPIRED;
        }
        String normalized = entered == null ? "" : entered.replaceAll("[\\s-]", "");
        if (!normalized.matches("[0-9]{" + DIGITS + "}")) {
            return Verdict.WRONG;
        }
        return MessageDigest.isEqual(hash(salt, normalized).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII)) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** Wrong entries in this exchange, across resends. */
    public int totalFailures() {
        return failures + priorFailures;
    }

    public PhoneCode withFailure() {
        return withFailures(failures + 1);
    }

    /** At least {@code count} wrong entries (never fewer than already recorded). */
    public PhoneCode withFailures(int count) {
        return new PhoneCode(salt, hash, expiresAtMillis, Math.max(failures, count), priorFailures, used);
    }

    public PhoneCode markUsed() {
        return new PhoneCode(salt, hash, expiresAtMillis, failures, priorFailures, true);
    }

    public String encode() {
        return salt + ":" + hash + ":" + expiresAtMillis + ":" + failures + ":" + priorFailures + ":" + (used ? 1 : 0);
    }

    /** Null for a missing or malformed note. */
    public static PhoneCode decode(String note) {
        if (note == null) {
            return null;
        }
        String[] parts = note.split(":");
        if (parts.length != 6) {
            return null;
        }
        try {
            return new PhoneCode(parts[0], parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3]),
                    Integer.parseInt(parts[4]), "1".equals(parts[5]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
