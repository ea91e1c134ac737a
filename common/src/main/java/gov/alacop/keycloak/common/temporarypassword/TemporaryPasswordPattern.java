package gov.alacop.keycloak.common.temporarypassword;

import gov.alacop.keycloak.common.text.VisibleText;

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

    /**
     * The name's first letter as the officer types it ({@link VisibleText#typeableInitial}): after NFKC, lower-case,
     * one letter, accents kept where the letter has one composed form ("Ñúñez" → "ñ", "O'Brien" → "o", "İlker" →
     * "i", "ﬁona" → "f", "Ｆred" → "f"). Names that show blank or mix scripts (Latin with Cyrillic look-alikes)
     * are refused.
     */
    static String initial(String name, Problem problem) {
        VisibleText.NameProblem refused = VisibleText.nameProblem(name);
        if (refused != null) {
            throw new InvalidInput(problem.because(refused));
        }
        return VisibleText.typeableInitial(name);
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
        FIRST_NAME_INVISIBLE("invalid_first_name", "The first name contains characters that show nothing "
                + "(zero-width, format or control characters, a Hangul filler)."),
        FIRST_NAME_MIXED_SCRIPTS("invalid_first_name", "The first name mixes letters of different scripts (for "
                + "example Latin with Cyrillic look-alikes)."),
        LAST_NAME("invalid_last_name", "The last name must begin with a letter."),
        LAST_NAME_INVISIBLE("invalid_last_name", "The last name contains characters that show nothing "
                + "(zero-width, format or control characters, a Hangul filler)."),
        LAST_NAME_MIXED_SCRIPTS("invalid_last_name", "The last name mixes letters of different scripts (for "
                + "example Latin with Cyrillic look-alikes)."),
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

        /** The first- or last-name problem for why the name was refused. */
        Problem because(VisibleText.NameProblem why) {
            boolean first = this == FIRST_NAME;
            return switch (why) {
                case INVISIBLE -> first ? FIRST_NAME_INVISIBLE : LAST_NAME_INVISIBLE;
                case MIXED_SCRIPTS -> first ? FIRST_NAME_MIXED_SCRIPTS : LAST_NAME_MIXED_SCRIPTS;
                case EMPTY, NOT_A_LETTER_FIRST -> this;
            };
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
