package gov.alacop.keycloak.common.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyMergeTest {

    private static final String ALACOP = "length(14) and maxLength(128) and upperCase(1) and lowerCase(1) and digits(1)"
            + " and specialChars(1) and passwordHistory(24) and notUsername and notEmail and alacopMinPasswordAge(24)"
            + " and alacopVisibleCharacters";

    @Test
    void anEmptyRealmPolicyBecomesAlaCops() {
        PasswordPolicyMerge.Result result = PasswordPolicyMerge.merge(null, ALACOP);
        assertThat(result.policy()).isEqualTo(ALACOP);
        assertThat(result.kept()).isEmpty();
        assertThat(result.changes("")).isTrue();
    }

    @Test
    void stricterRealmRulesStayAndTheRealmsOtherRulesAreKept() {
        String realm = "length(16) and passwordHistory(30) and regexPattern(^[^ ]+$) and digits(0)";
        PasswordPolicyMerge.Result result = PasswordPolicyMerge.merge(realm, ALACOP);
        assertThat(PasswordPolicyMerge.parse(result.policy())).extracting(PasswordPolicyMerge.Rule::toString)
                .startsWith("length(16)", "passwordHistory(30)", "regexPattern(^[^ ]+$)", "digits(1)")
                .contains("alacopMinPasswordAge(24)", "notUsername", "maxLength(128)");
        assertThat(result.kept()).extracting(PasswordPolicyMerge.Kept::rule)
                .containsExactly("length", "passwordHistory");
        assertThat(result.kept()).noneMatch(PasswordPolicyMerge.Kept::conflict);
    }

    @Test
    void mergingTwiceChangesNothing() {
        String once = PasswordPolicyMerge.merge("length(20) and notUsername", ALACOP).policy();
        PasswordPolicyMerge.Result twice = PasswordPolicyMerge.merge(once, ALACOP);
        assertThat(twice.policy()).isEqualTo(once);
        assertThat(twice.changes(once)).isFalse();
    }

    @Test
    void aMaximumLengthBelowTheMinimumIsAConflictAndNotOverwritten() {
        PasswordPolicyMerge.Result result = PasswordPolicyMerge.merge("maxLength(12)", ALACOP);
        assertThat(result.policy()).contains("maxLength(12)").doesNotContain("maxLength(128)");
        assertThat(result.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.rule()).isEqualTo("maxLength");
            assertThat(kept.conflict()).isTrue();
        });
    }

    @Test
    void aLowerButSufficientMaximumLengthIsKeptAndAHigherOneTightened() {
        assertThat(PasswordPolicyMerge.merge("maxLength(64)", ALACOP).policy()).contains("maxLength(64)");
        assertThat(PasswordPolicyMerge.merge("maxLength(256)", ALACOP).policy()).contains("maxLength(128)")
                .doesNotContain("256");
    }

    @Test
    void aNonNumericValueWhereAlaCopHasANumberIsAConflict() {
        PasswordPolicyMerge.Result result = PasswordPolicyMerge.merge("passwordHistory(many)", ALACOP);
        assertThat(result.policy()).contains("passwordHistory(many)");
        assertThat(result.kept()).singleElement().extracting(PasswordPolicyMerge.Kept::conflict).isEqualTo(true);
    }

    @Test
    void theBundlesRulesComeOutForAKeycloakWithoutTheBundle() {
        assertThat(PasswordPolicyMerge.withoutBundleRules(ALACOP)).isEqualTo("length(14) and maxLength(128)"
                + " and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1) and passwordHistory(24)"
                + " and notUsername and notEmail");
        assertThat(PasswordPolicyMerge.withoutBundleRules("alacopMinPasswordAge(24)")).isEmpty();
        assertThat(PasswordPolicyMerge.withoutBundleRules(null)).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> PasswordPolicyMerge.parse("length(14) and (")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strictnessDirections() {
        assertThat(Strictness.HIGHER.realmMeets(16, 14)).isTrue();
        assertThat(Strictness.HIGHER.realmMeets(8, 14)).isFalse();
        assertThat(Strictness.LOWER.realmMeets(3, 5)).isTrue();
        assertThat(Strictness.LOWER.realmStricter(5, 5)).isFalse();
        assertThat(Strictness.SHORTER_UNLESS_UNSET.realmMeets(0, 604800)).isFalse();
        assertThat(Strictness.SHORTER_UNLESS_UNSET.realmMeets(3600, 604800)).isTrue();
        assertThat(Strictness.EXACT.realmMeets(43200, 900)).isFalse();
        assertThat(Strictness.EXACT.realmStricter(900, 900)).isFalse();
    }
}
