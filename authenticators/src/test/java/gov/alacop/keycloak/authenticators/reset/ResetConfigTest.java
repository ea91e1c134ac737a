package gov.alacop.keycloak.authenticators.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResetConfigTest {

    @Test
    @DisplayName("defaults: two proofs, app, text, voice and questions, 3 questions, the ALEA Support Center")
    void defaults() {
        ResetProofsConfig config = ResetProofsConfig.of(Map.of());
        assertThat(config.plan().proofs()).isEqualTo(2);
        assertThat(config.plan().allowed()).containsExactlyInAnyOrder(ResetMethod.values());
        assertThat(config.questionsAsked()).isEqualTo(3);
        assertThat(config.helpDeskText()).contains("1-844-838-9028");
    }

    @Test
    @DisplayName("one proof and a custom help desk")
    void oneProof() {
        ResetProofsConfig config = ResetProofsConfig.of(Map.of("proofs", "1", "allowedMethods", "app",
                "questionsAsked", "5", "helpDeskText", " 555-0100 "));
        assertThat(config.plan().proofs()).isEqualTo(1);
        assertThat(config.plan().allowed()).containsExactly(ResetMethod.APP);
        assertThat(config.questionsAsked()).isEqualTo(5);
        assertThat(config.helpDeskText()).isEqualTo("555-0100");
    }

    @Test
    @DisplayName("settings that would weaken or break the reset fall back to the defaults")
    void failsClosed() {
        assertThat(ResetProofsConfig.of(Map.of("proofs", "0")).plan().proofs()).isEqualTo(2);
        assertThat(ResetProofsConfig.of(Map.of("proofs", "x")).plan().proofs()).isEqualTo(2);
        // Questions alone would be a reset without any code.
        assertThat(ResetProofsConfig.of(Map.of("allowedMethods", "questions")).plan().allowed())
                .contains(ResetMethod.APP);
        // Two proofs cannot come from one method.
        assertThat(ResetProofsConfig.of(Map.of("allowedMethods", "app")).plan().allowed()).hasSize(4);
        // Text and voice are one phone: not two factors.
        assertThat(ResetProofsConfig.of(Map.of("allowedMethods", "text##voice")).plan().allowed()).hasSize(4);
        assertThat(ResetProofsConfig.of(Map.of("allowedMethods", "voice##questions")).plan().allowed())
                .containsExactlyInAnyOrder(ResetMethod.VOICE, ResetMethod.QUESTIONS);
        assertThat(ResetProofsConfig.of(Map.of("questionsAsked", "6")).questionsAsked()).isEqualTo(3);
        assertThat(ResetProofsConfig.of(Map.of("helpDeskText", "x".repeat(201))).helpDeskText())
                .isEqualTo(ResetProofsConfig.DEFAULT_HELP_DESK_TEXT);
    }

    @Test
    @DisplayName("ending other sessions and revoking offline tokens are on unless turned off")
    void passwordStep() {
        assertThat(ResetPasswordConfig.of(null)).isEqualTo(new ResetPasswordConfig(true, true));
    }

    @Test
    @DisplayName("the subject note reads back what was written, whatever was typed, and nothing else")
    void subjectNote() {
        ResetSubject refused = new ResetSubject("a&b=c\nd@alacop.gov", null, ResetSubject.UNKNOWN_IDENTIFIER,
                "unknown-0123", null);
        assertThat(ResetSubject.read(refused.write())).contains(refused);
        ResetSubject candidate = new ResetSubject("cs0101@alacop.gov", "id-1", null, "cs0101@alacop.gov", "id-1");
        assertThat(ResetSubject.read(new ResetSubject("x@alacop.gov", null, ResetSubject.DISABLED, "x@alacop.gov", "id-2")
                .write())).hasValueSatisfying(s -> assertThat(s.accountId()).isEqualTo("id-2"));
        assertThat(ResetSubject.read(candidate.write())).contains(candidate);
        assertThat(ResetSubject.read("garbage")).isEqualTo(Optional.empty());
        assertThat(ResetSubject.read(null)).isEmpty();
    }
}
