package gov.alacop.keycloak.requiredactions.staysignedin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Stay signed in?")
class TriggerTest {

    private static final BooleanSupplier NO_SESSION = () -> false;

    @Nested
    @DisplayName("is asked")
    class Asked {

        @Test
        @DisplayName("at the end of a fresh interactive sign-in without a saved answer")
        void freshSignIn() {
            assertThat(Trigger.decide(true, true, false, false, Optional.empty(), true, true, NO_SESSION))
                    .isEqualTo(Trigger.Outcome.ASK);
        }
    }

    @Nested
    @DisplayName("is not asked")
    class NotAsked {

        @ParameterizedTest(name = "remember-me={0} interactive={1} answered={2}")
        @CsvSource({
                "false, true, false",
                "true, false, false",
                "true, true, true"})
        @DisplayName("when remember-me is off, the sign-in is not interactive, or it was answered")
        void skipped(boolean rememberMe, boolean interactive, boolean answered) {
            assertThat(Trigger.decide(rememberMe, interactive, false, answered, Optional.of(Choice.YES), true, true,
                    NO_SESSION))
                    .isEqualTo(Trigger.Outcome.SKIP);
        }

        @ParameterizedTest(name = "remember-me={0}, saved answer yes={1}")
        @CsvSource({"true, true", "true, false", "false, true"})
        @DisplayName("on a shared-device (kiosk) client, whose sessions always end with the browser")
        void kiosk(boolean rememberMe, boolean savedYes) {
            assertThat(Trigger.decide(rememberMe, true, true, false,
                    savedYes ? Optional.of(Choice.YES) : Optional.empty(), true, true, NO_SESSION))
                    .isEqualTo(Trigger.Outcome.SESSION_ONLY);
        }

        @Test
        @DisplayName("when the browser already has a session (SSO or re-authentication)")
        void existingSession() {
            assertThat(Trigger.decide(true, true, false, false, Optional.empty(), true, true, () -> true))
                    .isEqualTo(Trigger.Outcome.SKIP);
        }

        @Test
        @DisplayName("when the user saved an answer: it is applied silently")
        void saved() {
            assertThat(Trigger.decide(true, true, false, false, Optional.of(Choice.NO), true, true, NO_SESSION))
                    .isEqualTo(Trigger.Outcome.APPLY_SAVED);
        }
    }

    @Nested
    @DisplayName("after a password alone (the setup skipped)")
    class PasswordOnly {

        @ParameterizedTest(name = "saved answer yes={0}")
        @CsvSource({"true", "false"})
        @DisplayName("is neither asked nor applied: the session ends with the browser")
        void sessionOnly(boolean savedYes) {
            assertThat(Trigger.decide(true, true, false, false, savedYes ? Optional.of(Choice.YES) : Optional.empty(),
                    false, true, NO_SESSION)).isEqualTo(Trigger.Outcome.SESSION_ONLY);
        }

        @Test
        @DisplayName("is asked when the realm turns the rule off")
        void ruleOff() {
            assertThat(Trigger.decide(true, true, false, false, Optional.empty(), false, false, NO_SESSION))
                    .isEqualTo(Trigger.Outcome.ASK);
        }
    }

    @Test
    @DisplayName("looks for an existing session only when every cheap fact allows asking")
    void sessionLookupIsLast() {
        AtomicInteger lookups = new AtomicInteger();
        BooleanSupplier counting = () -> {
            lookups.incrementAndGet();
            return false;
        };
        Trigger.decide(false, true, false, false, Optional.empty(), true, true, counting);
        Trigger.decide(true, true, true, false, Optional.empty(), true, true, counting);
        Trigger.decide(true, true, false, true, Optional.empty(), true, true, counting);
        assertThat(lookups).hasValue(0);
        Trigger.decide(true, true, false, false, Optional.empty(), true, true, counting);
        assertThat(lookups).hasValue(1);
    }

    @Nested
    @DisplayName("reads an answer")
    class Answers {

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource({"yes, YES", "YES, YES", "' no ', NO", "No, NO"})
        void valid(String raw, Choice expected) {
            assertThat(Choice.parse(raw)).hasValue(expected);
        }

        @ParameterizedTest(name = "\"{0}\" is no answer")
        @NullAndEmptySource
        @ValueSource(strings = {"maybe", "true", "1", "yes please"})
        void invalid(String raw) {
            assertThat(Choice.parse(raw)).isEmpty();
        }
    }
}
