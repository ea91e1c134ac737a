package gov.alacop.keycloak.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.alacop.keycloak.common.text.VisibleText.NameProblem;

class VisibleTextTest {

    @Nested
    @DisplayName("invisible characters")
    class Invisible {

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"0000", "0009", "000A", "007F", "0085", "00AD", "034F", "061C", "115F", "1160",
                "17B4", "180E", "200B", "200C", "200D", "200E", "200F", "202A", "202E", "2028", "2029", "2060",
                "2064", "206F", "2800", "3164", "FE00", "FE0F", "FEFF", "FFA0", "FFF0", "E000", "F8FF", "1D173",
                "E0001", "E0100", "E01EF", "F0000", "10FFFF", "D800", "0378"})
        void invisible(String hex) {
            assertThat(VisibleText.isInvisible(Integer.parseInt(hex, 16))).isTrue();
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"0020", "0041", "0061", "00E9", "0301", "0130", "0416", "05D0", "0627", "0915",
                "093E", "3042", "4E00", "AC00", "FF21", "1F600", "00A0", "3000", "0021", "0024"})
        void visible(String hex) {
            assertThat(VisibleText.isInvisible(Integer.parseInt(hex, 16))).isFalse();
        }

        @Test
        void hasInvisibleLooksAtTheNormalizedText() {
            assertThat(VisibleText.hasInvisible("Clark")).isFalse();
            assertThat(VisibleText.hasInvisible("Cl\u200Bark")).isTrue();
            assertThat(VisibleText.hasInvisible("\uFEFFck4321")).isTrue();
            assertThat(VisibleText.hasInvisible("\u3164")).isTrue();
            assertThat(VisibleText.hasInvisible(null)).isFalse();
        }

        @Test
        void withoutInvisibleKeepsWhiteSpace() {
            assertThat(VisibleText.withoutInvisible("R\u200Be\u2060x\tdog")).isEqualTo("Rex\tdog");
        }
    }

    @Nested
    @DisplayName("visible length")
    class Length {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "Aa1!|4", "Patrol#Knight2026|17", "e\u0301|1", "\u00E9|1", "\uFB01|2", "\uFF26red|4",
            "Aa1!\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B|4",
            "Aa1!\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301|4",
            "Aa1!\u20DD\u20DD|4", "\u0930\u093E\u092E|3", "\uD83D\uDE00x|2", "a b|3"})
        void counts(String text, int length) {
            assertThat(VisibleText.visibleLength(text)).isEqualTo(length);
        }

        @Test
        void nullIsEmpty() {
            assertThat(VisibleText.visibleLength(null)).isZero();
        }
    }

    @Nested
    @DisplayName("script mixing")
    class Scripts {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Clark", "O'Brien-Smith", "Ñúñez", "Иван", "Ελένη", "محمد", "יעל", "山田", "やまだ花子",
                "ヤマダ太郎", "김민준", "金민준", "John 山田", "Mary-Jane 2nd", "Zoë"})
        void singleScriptOrAllowedMix(String name) {
            assertThat(VisibleText.mixesScripts(name)).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Cl\u0430rk", "\u0421lark", "Jos\u0435", "Ele\u03BDi", "Иван Smith", "김やまだ",
                "Ab\u05D0"})
        void mixed(String name) {
            assertThat(VisibleText.mixesScripts(name)).isTrue();
        }
    }

    @Nested
    @DisplayName("typeable initial")
    class Initial {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', value = {
            "Clark|c", "clark|c", "\u0130lker|i", "\uFB01ona|f", "\uFF26red|f", "\u00D1\u00FA\u00F1ez|\u00F1",
            "N\u0303u\u00F1ez|\u00F1", "\u00C9mile|\u00E9", "E\u0301mile|\u00E9", "Q\u0303uinn|q", "\u01C5ivko|d",
            "  Seán|s", "\u00DFmith|\u00DF", "\u0130|i", "Ωmega|ω", "Иван|и", "\u1E9Eerg|\u00DF"})
        void initial(String name, String initial) {
            assertThat(VisibleText.typeableInitial(name)).isEqualTo(initial);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"'Kent", "-Name", "1st", "\u0301a", " ", ""})
        void noInitial(String name) {
            assertThat(VisibleText.typeableInitial(name)).isNull();
        }

        @Test
        @DisplayName("property: for every letter of the BMP the initial is one letter, lower-case, no combining mark")
        void everyLetterGivesOneTypeableLetter() {
            IntStream.rangeClosed(0, 0xFFFF).filter(Character::isLetter).filter(cp -> !VisibleText.isInvisible(cp))
                    .forEach(cp -> {
                        String name = new String(Character.toChars(cp)) + "x";
                        String initial = VisibleText.typeableInitial(name);
                        if (initial == null) {
                            // NFKC turned the letter into something else that is not a letter (e.g. ℡ → TEL is fine,
                            // ㈠ → (一) begins with a parenthesis)
                            assertThat(Character.isLetter(VisibleText.normalizeName(name).codePointAt(0)))
                                    .as("U+%04X", cp).isFalse();
                            return;
                        }
                        assertThat(initial.codePointCount(0, initial.length())).as("U+%04X", cp).isEqualTo(1);
                        int c = initial.codePointAt(0);
                        assertThat(Character.isLetter(c)).as("U+%04X", cp).isTrue();
                        assertThat(Character.getType(c)).as("U+%04X", cp).isNotIn((int) Character.NON_SPACING_MARK,
                                (int) Character.ENCLOSING_MARK);
                        assertThat(Character.isUpperCase(c)).as("U+%04X", cp).isFalse();
                        assertThat(Normalizer.isNormalized(initial, Normalizer.Form.NFC)).as("U+%04X", cp).isTrue();
                    });
        }
    }

    @Nested
    @DisplayName("names")
    class Names {

        @ParameterizedTest(name = "[{0}] → [{1}]")
        @CsvSource(delimiter = '|', value = {
            "Clark|Clark", "\uFF26red|Fred", "\uFB01ona|fiona", "Mary\u00A0Jane|Mary Jane",
            "E\u0301mile|\u00C9mile", "A\u3000B|A B"})
        void normalized(String raw, String stored) {
            assertThat(VisibleText.normalizeName(raw)).isEqualTo(stored);
        }

        @Test
        void lineBreaksAndControlCharacters() {
            assertThat(VisibleText.normalizeName("  Mary \r\n Jane ")).isEqualTo("Mary Jane");
            assertThat(VisibleText.nameProblem("Mary\nJane")).isNull();
            assertThat(VisibleText.nameProblem("Ann\u0000")).isEqualTo(NameProblem.INVISIBLE);
            assertThat(VisibleText.nameProblem("Ann\u0007")).isEqualTo(NameProblem.INVISIBLE);
        }

        @Test
        void blankIsNull() {
            assertThat(VisibleText.normalizeName(" \t\n")).isNull();
            assertThat(VisibleText.normalizeName(null)).isNull();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\u200B|INVISIBLE", "\u3164|INVISIBLE", "\u115F\u1160|INVISIBLE", "Cl\u200Dark|INVISIBLE",
            "\uFFA0|INVISIBLE", "Cl\u0430rk|MIXED_SCRIPTS", "\u0421lark Kent|MIXED_SCRIPTS",
            "'Kent|NOT_A_LETTER_FIRST", "-Name|NOT_A_LETTER_FIRST", "\u2800|INVISIBLE"})
        void refused(String name, NameProblem problem) {
            assertThat(VisibleText.nameProblem(name)).isEqualTo(problem);
        }

        @Test
        void emptyIsRefused() {
            assertThat(VisibleText.nameProblem("   ")).isEqualTo(NameProblem.EMPTY);
            assertThat(VisibleText.nameProblem(null)).isEqualTo(NameProblem.EMPTY);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Clark", "O'Brien", "Seán", "\u0130lker", "\uFB01ona", "\uFF26red", "Иван", "山田",
                "Mary Jane", "Ñúñez"})
        void accepted(String name) {
            assertThat(VisibleText.nameProblem(name)).isNull();
        }
    }
}
