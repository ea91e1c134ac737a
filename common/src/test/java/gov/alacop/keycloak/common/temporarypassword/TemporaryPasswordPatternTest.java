package gov.alacop.keycloak.common.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The temporary password pattern")
class TemporaryPasswordPatternTest {

    private final TemporaryPasswordPattern pattern = new TemporaryPasswordPattern("New$Alacop#");

    @Test
    @DisplayName("is prefix + last initial + last 4 + first initial, as in the guide")
    void clarkKent() {
        assertThat(pattern.build("Clark", "Kent", "4321")).isEqualTo("New$Alacop#k4321c");
    }

    @Test
    @DisplayName("uses the configured prefix")
    void otherPrefix() {
        assertThat(new TemporaryPasswordPattern("Temp!Pass#").build("Clark", "Kent", "4321")).isEqualTo("Temp!Pass#k4321c");
    }

    @Nested
    @DisplayName("takes the first letter of each name")
    class Initials {

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
                "Seán|O'Brien|New$Alacop#o1234s",
                "Mary-Jane|Watson-Parker|New$Alacop#w1234m",
                "José|Ñúñez|New$Alacop#ñ1234j",
                "Émile|Zola|New$Alacop#z1234é",
                "'  ana'|'  de la Cruz'|New$Alacop#d1234a",
                "ÅSA|ÖBERG|New$Alacop#ö1234å"
        })
        void letters(String first, String last, String expected) {
            assertThat(pattern.build(first, last, "1234")).isEqualTo(expected);
        }

        @Test
        @DisplayName("composes a decomposed accent (N + combining tilde) into one letter")
        void decomposed() {
            assertThat(pattern.build("Jose", "N\u0303u\u0301n\u0303ez", "1234")).isEqualTo("New$Alacop#ñ1234j");
        }

        @ParameterizedTest(name = "last name \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "'Brien", "-Smith", "1Kent", "@Kent"})
        void lastNameMustStartWithALetter(String last) {
            assertThatThrownBy(() -> pattern.build("Clark", last, "4321"))
                    .isInstanceOfSatisfying(TemporaryPasswordPattern.InvalidInput.class,
                            e -> assertThat(e.problem()).isEqualTo(TemporaryPasswordPattern.Problem.LAST_NAME));
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
                "\u0130lker|\u0130nce|New$Alacop#i1234i",
                "\uFB01ona|\uFB02ynn|New$Alacop#f1234f",
                "\uFF26red|\uFF33mith|New$Alacop#s1234f",
                "Q\u0303uinn|Kent|New$Alacop#k1234q"
        })
        @DisplayName("initials an officer can type: NFKC, one lower-case letter, no combining mark")
        void typeable(String first, String last, String expected) {
            String password = pattern.build(first, last, "1234");
            assertThat(password).isEqualTo(expected);
            assertThat(password.codePoints().map(Character::getType)).doesNotContain((int) Character.NON_SPACING_MARK);
        }

        @ParameterizedTest(name = "first name [{0}] is refused: {1}")
        @CsvSource(delimiter = '|', value = {
                "\u200B|FIRST_NAME_INVISIBLE", "\u3164|FIRST_NAME_INVISIBLE", "Cl\u200Bark|FIRST_NAME_INVISIBLE",
                "\uFFA0\uFFA0|FIRST_NAME_INVISIBLE", "Cl\u0430rk|FIRST_NAME_MIXED_SCRIPTS",
                "\u0421lark|FIRST_NAME_MIXED_SCRIPTS"})
        void blankOrLookAlikeFirstNames(String first, TemporaryPasswordPattern.Problem problem) {
            assertThatThrownBy(() -> pattern.build(first, "Kent", "4321"))
                    .isInstanceOfSatisfying(TemporaryPasswordPattern.InvalidInput.class, e -> {
                        assertThat(e.problem()).isEqualTo(problem);
                        assertThat(e.problem().code()).isEqualTo("invalid_first_name");
                    });
        }

        @Test
        @DisplayName("a last name of Cyrillic look-alikes in a Latin name is refused as invalid_last_name")
        void lookAlikeLastName() {
            assertThatThrownBy(() -> pattern.build("Clark", "K\u0435nt", "4321"))
                    .isInstanceOfSatisfying(TemporaryPasswordPattern.InvalidInput.class, e -> {
                        assertThat(e.problem()).isEqualTo(TemporaryPasswordPattern.Problem.LAST_NAME_MIXED_SCRIPTS);
                        assertThat(e.problem().code()).isEqualTo("invalid_last_name");
                    });
        }

        @Test
        @DisplayName("a first name that does not start with a letter is refused")
        void firstName() {
            assertThatThrownBy(() -> pattern.build("9Clark", "Kent", "4321"))
                    .isInstanceOfSatisfying(TemporaryPasswordPattern.InvalidInput.class,
                            e -> assertThat(e.problem()).isEqualTo(TemporaryPasswordPattern.Problem.FIRST_NAME));
        }
    }

    @Nested
    @DisplayName("accepts only exactly 4 ASCII digits, not 0000")
    class Digits {

        @ParameterizedTest(name = "\"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"0000", "123", "12345", "12a4", " 123", "1234 ", "١٢٣٤", "１２３４", "-123", "12.4"})
        void refused(String digits) {
            assertThatThrownBy(() -> pattern.build("Clark", "Kent", digits))
                    .isInstanceOfSatisfying(TemporaryPasswordPattern.InvalidInput.class, e -> {
                        assertThat(e.problem()).isEqualTo(TemporaryPasswordPattern.Problem.SSN_LAST4);
                        if (digits != null && !digits.isBlank() && !"0000".equals(digits)) { // the rule itself names 0000
                            assertThat(e.getMessage()).as("never echoes the digits").doesNotContain(digits.strip());
                        }
                    });
        }

        @ParameterizedTest(name = "\"{0}\" is accepted")
        @ValueSource(strings = {"0001", "1000", "9999", "0420"})
        void accepted(String digits) {
            assertThat(pattern.build("Clark", "Kent", digits)).isEqualTo("New$Alacop#k" + digits + "c");
        }
    }
}
