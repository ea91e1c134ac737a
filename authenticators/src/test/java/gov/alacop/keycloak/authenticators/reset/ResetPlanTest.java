package gov.alacop.keycloak.authenticators.reset;

import static gov.alacop.keycloak.authenticators.reset.ResetMethod.APP;
import static gov.alacop.keycloak.authenticators.reset.ResetMethod.QUESTIONS;
import static gov.alacop.keycloak.authenticators.reset.ResetMethod.TEXT;
import static gov.alacop.keycloak.authenticators.reset.ResetMethod.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResetPlanTest {

    private static final ResetPlan TWO = new ResetPlan(2, EnumSet.allOf(ResetMethod.class));
    private static final ResetPlan ONE = new ResetPlan(1, EnumSet.allOf(ResetMethod.class));

    @Nested
    @DisplayName("who can reset")
    class Eligibility {
        @Test
        @DisplayName("two proofs need the app and the questions; questions alone or the app alone are not enough")
        void twoProofs() {
            assertThat(TWO.eligible(TWO.usable(Set.of(APP, QUESTIONS)))).isTrue();
            assertThat(TWO.eligible(TWO.usable(Set.of(APP)))).isFalse();
            assertThat(TWO.eligible(TWO.usable(Set.of(QUESTIONS)))).isFalse();
            assertThat(TWO.eligible(TWO.usable(Set.of()))).isFalse();
        }

        @Test
        @DisplayName("text and voice are one factor: a phone alone is not two proofs, a phone and the app or the questions are")
        void phone() {
            assertThat(TWO.eligible(TWO.usable(Set.of(TEXT, VOICE)))).isFalse();
            assertThat(TWO.eligible(TWO.usable(Set.of(TEXT, VOICE, QUESTIONS)))).isTrue();
            assertThat(TWO.eligible(TWO.usable(Set.of(APP, TEXT, VOICE)))).isTrue();
            assertThat(ONE.eligible(ONE.usable(Set.of(TEXT, VOICE)))).isTrue();
        }

        @Test
        @DisplayName("one proof needs a code")
        void oneProof() {
            assertThat(ONE.eligible(ONE.usable(Set.of(APP)))).isTrue();
            assertThat(ONE.eligible(ONE.usable(Set.of(QUESTIONS)))).isFalse();
        }

        @Test
        @DisplayName("a method that is not allowed does not count")
        void allowedOnly() {
            ResetPlan appOnly = new ResetPlan(1, EnumSet.of(APP));
            assertThat(appOnly.usable(Set.of(APP, QUESTIONS))).containsExactly(APP);
        }
    }

    @Nested
    @DisplayName("which proof comes next")
    class Next {
        @Test
        @DisplayName("the first proof may be either method, app first")
        void first() {
            assertThat(TWO.offerable(List.of(APP, QUESTIONS), List.of())).containsExactly(APP, QUESTIONS);
        }

        @Test
        @DisplayName("after the questions only a code is left; after the app, the questions")
        void second() {
            assertThat(TWO.offerable(List.of(APP, QUESTIONS), List.of(QUESTIONS))).containsExactly(APP);
            assertThat(TWO.offerable(List.of(APP, QUESTIONS), List.of(APP))).containsExactly(QUESTIONS);
        }

        @Test
        @DisplayName("after a text code, neither text nor voice again; after the app, the phone or the questions")
        void phoneIsOneFactor() {
            List<ResetMethod> all = List.of(APP, TEXT, VOICE, QUESTIONS);
            assertThat(TWO.offerable(all, List.of(TEXT))).containsExactly(APP, QUESTIONS);
            assertThat(TWO.offerable(all, List.of(APP))).containsExactly(TEXT, VOICE, QUESTIONS);
            assertThat(TWO.offerable(all, List.of(QUESTIONS))).containsExactly(APP, TEXT, VOICE);
            assertThat(TWO.complete(List.of(TEXT, VOICE))).isFalse();
            assertThat(TWO.complete(List.of(VOICE, APP))).isTrue();
        }

        @Test
        @DisplayName("one proof: only a code is offered")
        void onlyCode() {
            assertThat(ONE.offerable(List.of(APP, QUESTIONS), List.of())).containsExactly(APP);
        }

        @Test
        @DisplayName("complete with the configured number of proofs including a code")
        void complete() {
            assertThat(TWO.complete(List.of(APP))).isFalse();
            assertThat(TWO.complete(List.of(APP, QUESTIONS))).isTrue();
            assertThat(ONE.complete(List.of(APP))).isTrue();
            assertThat(ONE.complete(List.of(QUESTIONS))).isFalse();
        }
    }

    @Test
    @DisplayName("decoys are eligible-looking method lists and stable for a seed")
    void decoys() {
        for (long seed = -5; seed < 5; seed++) {
            assertThat(TWO.eligible(TWO.decoy(seed))).isTrue();
            assertThat(ONE.eligible(ONE.decoy(seed))).isTrue();
            assertThat(ONE.decoy(seed)).isEqualTo(ONE.decoy(seed));
        }
        java.util.Set<List<ResetMethod>> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 64; seed++) {
            seen.add(TWO.decoy(seed));
        }
        // Every shape a real officer's list can have: a phone always shows both of its ways.
        assertThat(seen).containsExactlyInAnyOrder(List.of(APP, TEXT, VOICE), List.of(APP, QUESTIONS),
                List.of(TEXT, VOICE, QUESTIONS), List.of(APP, TEXT, VOICE, QUESTIONS));
    }

    @Nested
    @DisplayName("questions")
    class Questions {
        @Test
        @DisplayName("3 different of 5, a different set after each try")
        void pick() {
            Random random = new Random(7);
            List<Integer> previous = List.of();
            for (int i = 0; i < 30; i++) {
                List<Integer> pick = QuestionPick.pick(5, 3, previous, random);
                assertThat(pick).hasSize(3).doesNotHaveDuplicates().allMatch(index -> index >= 0 && index < 5);
                assertThat(pick).isNotEqualTo(previous);
                assertThat(QuestionPick.read(QuestionPick.write(pick), 5)).isEqualTo(pick);
                previous = pick;
            }
        }

        @Test
        @DisplayName("a tampered pick is not used")
        void tampered() {
            assertThat(QuestionPick.read("0,9,1", 5)).isEmpty();
            assertThat(QuestionPick.read("1,1,2", 5)).isEmpty();
            assertThat(QuestionPick.read("x", 5)).isEmpty();
        }

        @Test
        @DisplayName("decoy questions are 5 distinct ids, the same for the same seed")
        void decoyQuestions() {
            List<String> ids = ResetProofsAuthenticator.DECOY_QUESTION_IDS;
            assertThat(QuestionPick.decoyQuestions(ids, 5, 99)).hasSize(5).doesNotHaveDuplicates()
                    .isEqualTo(QuestionPick.decoyQuestions(ids, 5, 99));
        }
    }
}
