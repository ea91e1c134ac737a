package gov.alacop.keycloak.it.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded hostile values: the same seed gives the same sequence. */
final class FuzzInputs {

    static final List<String> INJECTIONS = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "${7*7}", "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}", "#{7*7}",
            "${\"\".getClass()}", "' OR '1'='1", "'; DROP TABLE user_entity; --", "\" OR 1=1 --",
            "{{7*7}}", "</textarea><svg onload=alert(1)>", "%00", "%", "abc%zz", "../../../../etc/passwd",
            "\\u0000", "{\"a\":", "=cmd|' /C calc'!A0", "<!--", "]]>");
    static final List<String> UNICODE = List.of(
            "\u202Eadmin", "a\u200Bb\u200Cc\u200Dd\uFEFF", "e\u0301\u0301\u0301\u0301", "\uFF41\uFF44\uFF4D\uFF49\uFF4E",
            "\u05E9\u05DC\u05D5\u05DD", "\uD83D\uDE00", "\uD800", "\u2028\u2029", "\u0000", "\u0007\u001B[31m",
            "a\rb\nc\td", "\u0085");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile text value (may be huge). */
    String value() {
        switch (random.nextInt(10)) {
            case 0:
                return "";
            case 1:
                return pick(INJECTIONS);
            case 2:
                return pick(UNICODE);
            case 3:
                return pick(INJECTIONS) + pick(UNICODE);
            case 4:
                return controls(1 + random.nextInt(20));
            case 5:
                return random.nextInt(20) == 0 ? "x".repeat(1 << 20) : "y".repeat(256 + random.nextInt(5000));
            case 6:
                return randomUnicode(1 + random.nextInt(40));
            default:
                return "officer" + random.nextInt(100000) + pick(List.of("", "@alacop.gov", " ", "\u0000", "<b>"));
        }
    }

    String controls(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x20));
        }
        return text.toString();
    }

    String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(0x3000);
            text.appendCodePoint(Character.isSurrogate((char) cp) ? 'x' : cp);
        }
        return text.toString();
    }

    /** Bytes that are not UTF-8 (lone continuation bytes, overlong forms, truncated sequences). */
    byte[] invalidUtf8() {
        byte[][] samples = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88}};
        return samples[random.nextInt(samples.length)];
    }

    /** An escaped rendering of an input for a failure message (control characters and non-ASCII as \\uXXXX, cut). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(value.length(), 200);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("…(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    static String escape(byte[] value) {
        return escape(new String(value, StandardCharsets.ISO_8859_1));
    }
}
