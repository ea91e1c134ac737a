package gov.alacop.keycloak.adminrest.temporarypassword;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The AlaCOP temporary password: {@code <prefix><last-initial><ssn-last-4><first-initial>}, initials lower-case
 * ("Clark Kent", 4321 → {@code New$Alacop#k4321c}). The SSN digits are only ever passed through here; no message
 * of this class contains them.
 */
public final class TemporaryPasswordPattern {

    private final String prefix;

    public TemporaryPasswordPattern(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("The temporary-password prefix is empty");
        }
        this.prefix = prefix;
    }

    public String build(String firstName, String lastName, String ssnLast4) {
        String last = initial(lastName, Problem.LAST_NAME);
        String first = initial(firstName, Problem.FIRST_NAME);
        return prefix + last + digits(ssnLast4) + first;
    }

    /** The name's first letter, lower-case, accents kept ("Ñúñez" → "ñ", "O'Brien" → "o"). */
    static String initial(String name, Problem problem) {
        if (name == null) {
            throw new InvalidInput(problem);
        }
        String composed = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (composed.isEmpty() || !Character.isLetter(composed.codePointAt(0))) {
            throw new InvalidInput(problem);
        }
        return new String(Character.toChars(composed.codePointAt(0))).toLowerCase(Locale.ROOT);
    }

    /** Exactly four ASCII digits, not 0000. */
    static String digits(String ssnLast4) {
        if (ssnLast4 == null || ssnLast4.length() != 4 || "0000".equals(ssnLast4)) {
            throw new InvalidInput(Problem.SSN_LAST4);
        }
        for (int i = 0; i < 4; i++) {
            char c = ssnLast4.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInput(Problem.SSN_LAST4);
            }
        }
        return ssnLast4;
    }

    /** What is wrong with the input, as an error code and a sentence that never repeats the input. */
    public enum Problem {
        FIRST_NAME("invalid_first_name", "The first name must begin with a letter."),
        LAST_NAME("invalid_last_name", "The last name must begin with a letter."),
        SSN_LAST4("invalid_ssn_last4", "ssnLast4 must be exactly 4 digits (0-9), and not 0000.");

        private final String code;
        private final String description;

        Problem(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }
    }

    /** Thrown for input the pattern cannot be built from; its message is the problem's description only. */
    public static final class InvalidInput extends RuntimeException {
        private final Problem problem;

        InvalidInput(Problem problem) {
            super(problem.description(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
