package gov.alacop.keycloak.common.questions;

import java.text.Normalizer;
import java.util.Locale;

import gov.alacop.keycloak.common.text.VisibleText;

/** Security-question answers as compared and hashed: the same answer typed differently gives the same text. */
public final class Answers {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;

    private Answers() {
    }

    /**
     * NFKC, without invisible characters (zero-width, format, control: nobody can type them again reliably),
     * trimmed, inner whitespace collapsed to one space, case-folded. Null becomes "".
     */
    public static String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String text = VisibleText.withoutInvisible(VisibleText.normalize(answer)).strip().replaceAll("\\s+", " ");
        // Upper then lower folds more than lower alone (e.g. "ß" and "SS" meet at "ss").
        text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /**
     * Length rule on the normalized answer, counted in visible characters: combining marks alone or zero-width
     * characters make no answer.
     */
    public static boolean acceptableLength(String normalized) {
        int length = VisibleText.visibleLength(normalized);
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }
}
