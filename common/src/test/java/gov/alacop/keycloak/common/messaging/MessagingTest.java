package gov.alacop.keycloak.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import gov.alacop.keycloak.common.phone.PhoneMask;

@DisplayName("Messaging")
class MessagingTest {

    @Nested
    @DisplayName("the voice script")
    class Voice {
        @Test
        @DisplayName("reads the code slowly, digit by digit, twice")
        void twice() {
            String ssml = VoiceScript.ssml("042917");
            assertThat(ssml).startsWith("<speak>").endsWith("</speak>");
            String digits = "<prosody rate=\"slow\"><say-as interpret-as=\"digits\">0 4 2 9 1 7</say-as></prosody>";
            assertThat(ssml.split(java.util.regex.Pattern.quote(digits), -1)).hasSize(3);
        }

        @Test
        @DisplayName("accepts only digits")
        void onlyDigits() {
            assertThatThrownBy(() -> VoiceScript.ssml("12<b>")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"+12055550123,•••0123", "2055550123,•••0123", "12345,•••", ",•••"})
    @DisplayName("numbers are masked to their last 4 digits")
    void mask(String number, String masked) {
        assertThat(PhoneMask.mask(number)).isEqualTo(masked);
    }

    @Test
    @DisplayName("a message's text form hides the code and the number")
    void messageToString() {
        assertThat(new VerificationMessage("+12055550123", "042917", "Code 042917").toString())
                .doesNotContain("042917").doesNotContain("2055550123").contains("0123");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"text,TEXT", "SMS,TEXT", " voice ,VOICE", "fax,", ","})
    @DisplayName("channels are read from form values")
    void channel(String value, Channel channel) {
        assertThat(Channel.parse(value)).isEqualTo(channel);
    }
}
