package gov.alacop.keycloak.common.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.policy.PolicyError;

@DisplayName("The first refusal of the realm's password rules")
class PasswordRulesTest {

    private static final List<String> SHIPPED = List.of("passwordHistory", "notEmail", "length", "alacopMinPasswordAge",
            "specialChars", "maxLength", "upperCase", "lowerCase", "digits", "notUsername");

    /** Rules that refuse with their id as message when listed in {@code refusing}, and remember being asked. */
    private static final class FakeRules implements Function<String, PolicyError> {
        private final List<String> refusing;
        private final List<String> asked = new ArrayList<>();

        FakeRules(String... refusing) {
            this.refusing = List.of(refusing);
        }

        @Override
        public PolicyError apply(String id) {
            asked.add(id);
            return refusing.contains(id) ? new PolicyError("invalidPassword." + id, 14) : null;
        }
    }

    @Nested
    @DisplayName("with the hashing rules")
    class WithHashing {

        @Test
        @DisplayName("asks every rule in the policy order when all accept, the history last, and answers null")
        void allAccept() {
            FakeRules rules = new FakeRules();
            assertThat(PasswordRules.firstRefusal(new LinkedHashSet<>(SHIPPED), true, rules)).isNull();
            assertThat(rules.asked).isEqualTo(PolicyOrder.sort(SHIPPED)).endsWith("passwordHistory")
                    .startsWith("alacopMinPasswordAge");
        }

        @Test
        @DisplayName("a cheap refusal stops the walk: the history (hashes) is never asked")
        void cheapRefusalBeforeHashes() {
            FakeRules rules = new FakeRules("length", "passwordHistory");
            PolicyError error = PasswordRules.firstRefusal(SHIPPED, true, rules);
            assertThat(error.getMessage()).isEqualTo("invalidPassword.length");
            assertThat(error.getParameters()).containsExactly(14);
            assertThat(rules.asked).endsWith("length").doesNotContain("passwordHistory", "passwordAge");
        }

        @Test
        @DisplayName("of two refusals, the earlier one in the policy order wins, whatever the realm's order")
        void earlierRuleWins() {
            List<String> reversed = new ArrayList<>(SHIPPED);
            Collections.reverse(reversed);
            assertThat(PasswordRules.firstRefusal(reversed, true, new FakeRules("upperCase", "notUsername"))
                    .getMessage()).isEqualTo("invalidPassword.notUsername");
        }

        @Test
        @DisplayName("the history refuses when every cheap rule accepts")
        void historyLast() {
            assertThat(PasswordRules.firstRefusal(SHIPPED, true, new FakeRules("passwordHistory")).getMessage())
                    .isEqualTo("invalidPassword.passwordHistory");
        }
    }

    @Nested
    @DisplayName("without the hashing rules")
    class WithoutHashing {

        @Test
        @DisplayName("never asks the history or the not-recently-used rule, even when all others accept")
        void skipsHashing() {
            FakeRules rules = new FakeRules("passwordHistory", "passwordAge");
            List<String> ids = new ArrayList<>(SHIPPED);
            ids.add("passwordAge");
            assertThat(PasswordRules.firstRefusal(ids, false, rules)).isNull();
            assertThat(rules.asked).isEqualTo(PolicyOrder.withoutHashing(ids)).doesNotContain("passwordHistory",
                    "passwordAge");
        }

        @Test
        @DisplayName("a rule answering null (no provider for the id) accepts; the walk goes on")
        void unknownPolicyAccepts() {
            Map<String, PolicyError> answers = Map.of("digits", new PolicyError("invalidPasswordMinDigitsMessage", 1));
            assertThat(PasswordRules.firstRefusal(List.of("someRemovedPolicy", "digits"), false, answers::get)
                    .getMessage()).isEqualTo("invalidPasswordMinDigitsMessage");
        }

        @Test
        @DisplayName("no policies: nothing to refuse")
        void noPolicies() {
            assertThat(PasswordRules.firstRefusal(List.of(), false, new FakeRules())).isNull();
        }
    }
}
