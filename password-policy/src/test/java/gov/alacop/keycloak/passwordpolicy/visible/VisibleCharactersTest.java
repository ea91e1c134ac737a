package gov.alacop.keycloak.passwordpolicy.visible;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleCharactersTest {

    @ParameterizedTest(name = "Aa1! + 12 x U+{0}")
    @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF", "00AD", "0000", "0009", "001B", "2028", "E000"})
    @DisplayName("control, zero-width and format characters are refused, whatever the length")
    void invisibleRefused(String hex) {
        String invisible = new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertThat(VisibleCharacters.refusal("Aa1!" + invisible.repeat(12), 14)).isEqualTo(VisibleCharacters.MSG_INVISIBLE);
        assertThat(VisibleCharacters.refusal("Patrol#Knight" + invisible + "2026", 14))
                .isEqualTo(VisibleCharacters.MSG_INVISIBLE);
        assertThat(VisibleCharacters.refusal("Patrol#Knight" + invisible + "2026", null))
                .isEqualTo(VisibleCharacters.MSG_INVISIBLE);
    }

    @ParameterizedTest(name = "Aa1! + 12 x U+{0}")
    @ValueSource(strings = {"0301", "0308", "20DD", "0489"})
    @DisplayName("combining marks add no character to the length")
    void combiningMarksDoNotCount(String hex) {
        String mark = new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertThat(VisibleCharacters.refusal("Aa1!" + mark.repeat(12), 14)).isEqualTo(VisibleCharacters.MSG_MIN_LENGTH);
        assertThat(VisibleCharacters.refusal("Aa1!" + mark.repeat(12), null)).isNull();
    }

    @Test
    @DisplayName("ordinary passwords, accents and spaces (passphrases) pass")
    void visiblePasswordsPass() {
        assertThat(VisibleCharacters.refusal("Patrol#Knight2026", 14)).isNull();
        assertThat(VisibleCharacters.refusal("Jose\u0301 Patrol#2026", 14)).isNull();
        assertThat(VisibleCharacters.refusal("correct horse Battery1!", 14)).isNull();
        assertThat(VisibleCharacters.refusal("Ñúñez#Dothan2026", 14)).isNull();
        assertThat(VisibleCharacters.refusal(null, 14)).isNull();
    }

    @Test
    @DisplayName("the length is counted in visible characters: 13 visible + an accent is too short for 14")
    void lengthBoundary() {
        assertThat(VisibleCharacters.refusal("Patrol#Kn2026", 13)).isNull();
        assertThat(VisibleCharacters.refusal("Patrol#Kn2026\u0301", 14)).isEqualTo(VisibleCharacters.MSG_MIN_LENGTH);
        assertThat(VisibleCharacters.refusal("Patrol#Kni2026", 14)).isNull();
    }
}
