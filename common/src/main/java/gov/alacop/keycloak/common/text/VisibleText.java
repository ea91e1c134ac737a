package gov.alacop.keycloak.common.text;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Unicode rules for text a person types and reads back: names, passwords, security answers. Pure functions.
 *
 * <ul>
 * <li><b>Normalization</b>: NFKC, so that look-alike forms of one letter (full-width {@code Ｆ}, the ligature
 * {@code ﬁ}, a letter followed by a combining accent) become the one form a keyboard types.</li>
 * <li><b>Invisible</b>: a character that shows nothing or cannot be typed reliably: control (Cc), format (Cf, e.g.
 * zero-width space, joiners, direction marks, the byte-order mark), line/paragraph separators, surrogates,
 * private-use and unassigned code points, and Unicode's default-ignorable characters (Hangul fillers, variation
 * selectors, the combining grapheme joiner...), plus the blank braille pattern.</li>
 * <li><b>Visible length</b>: characters after NFKC, without invisible ones and without non-spacing or enclosing
 * combining marks (an accent adds no character: {@code e} + U+0301 is one).</li>
 * <li><b>Mixed scripts</b>: letters of more than one script in one text (Latin with Cyrillic look-alikes), except
 * the combinations a Japanese, Chinese or Korean name uses (UTS #39 "highly restrictive").</li>
 * <li><b>Typeable initial</b>: the first letter of the normalized text, lower-cased as one letter, without a
 * combining mark ({@code İlker} → {@code i}, {@code ﬁona} → {@code f}, {@code Ｆred} → {@code f},
 * {@code Ñúñez} → {@code ñ}).</li>
 * </ul>
 */
public final class VisibleText {

    /** Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt), and U+2800 (renders blank). */
    private static final int[][] IGNORABLE = {
        {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
        {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x2800, 0x2800},
        {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8},
        {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };

    /** Scripts that may share one name: each set is allowed together with Latin (UTS #39, highly restrictive). */
    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private VisibleText() {
    }

    /** NFKC; null stays null. */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /**
     * A name as stored: NFKC, trimmed, every run of white space (line breaks included) one space; null or
     * blank becomes null.
     */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String text = WHITESPACE.matcher(normalize(name)).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Whether the code point shows nothing or cannot be typed reliably (see the class comment). */
    public static boolean isInvisible(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                break;
        }
        for (int[] range : IGNORABLE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text, after NFKC, holds any invisible character. */
    public static boolean hasInvisible(String text) {
        return text != null && normalize(text).codePoints().anyMatch(VisibleText::isInvisible);
    }

    /** The text without its invisible characters (white space is kept). */
    public static String withoutInvisible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isInvisible(cp) || Character.isWhitespace(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Characters as a reader counts them: after NFKC, without invisible characters and combining marks. */
    public static int visibleLength(String text) {
        if (text == null) {
            return 0;
        }
        return (int) normalize(text).codePoints().filter(VisibleText::countsAsCharacter).count();
    }

    private static boolean countsAsCharacter(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && !isInvisible(codePoint);
    }

    /**
     * Whether the letters come from more than one script, other than Latin with Han and the Japanese kana,
     * Bopomofo or Hangul. Punctuation, digits and combining marks (Common, Inherited) belong to every script.
     */
    public static boolean mixesScripts(String text) {
        if (text == null) {
            return false;
        }
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        normalize(text).codePoints().forEach(cp -> {
            UnicodeScript script = UnicodeScript.of(cp);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED && script != UnicodeScript.UNKNOWN) {
                scripts.add(script);
            }
        });
        if (scripts.size() <= 1) {
            return false;
        }
        return ALLOWED_MIXES.stream().noneMatch(allowed -> allowed.containsAll(scripts));
    }

    /**
     * The first letter of the normalized text as an officer types it: lower case, one character, no combining mark.
     * Null when the text is empty or does not begin with a letter.
     */
    public static String typeableInitial(String text) {
        String normalized = normalizeName(text);
        if (normalized == null || !Character.isLetter(normalized.codePointAt(0))) {
            return null;
        }
        // Character.toLowerCase maps one code point to one (İ → i); String.toLowerCase would give i + U+0307.
        int lower = Character.toLowerCase(normalized.codePointAt(0));
        String composed = Normalizer.normalize(new String(Character.toChars(lower)), Normalizer.Form.NFC);
        if (composed.codePointCount(0, composed.length()) == 1 && Character.isLetter(composed.codePointAt(0))) {
            return composed;
        }
        // No single composed form: the base letter alone.
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        return new String(Character.toChars(decomposed.codePointAt(0)));
    }

    /** What makes a name unusable, or null when it is fine. The name is taken as {@link #normalizeName} gives it. */
    public static NameProblem nameProblem(String name) {
        String normalized = normalizeName(name);
        if (normalized == null) {
            return NameProblem.EMPTY;
        }
        if (hasInvisible(normalized)) {
            return NameProblem.INVISIBLE;
        }
        if (mixesScripts(normalized)) {
            return NameProblem.MIXED_SCRIPTS;
        }
        if (!Character.isLetter(normalized.codePointAt(0))) {
            return NameProblem.NOT_A_LETTER_FIRST;
        }
        return null;
    }

    /** Why a name is refused. */
    public enum NameProblem {
        /** Missing, or only white space. */
        EMPTY,
        /** Holds characters that show nothing (zero-width, Hangul filler, controls...). */
        INVISIBLE,
        /** Letters of different scripts, e.g. Latin with Cyrillic look-alikes. */
        MIXED_SCRIPTS,
        /** Does not begin with a letter. */
        NOT_A_LETTER_FIRST
    }
}
