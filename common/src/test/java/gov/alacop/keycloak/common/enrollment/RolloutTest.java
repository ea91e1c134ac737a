package gov.alacop.keycloak.common.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("MFA rollout rules")
class RolloutTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Nested
    @DisplayName("entries")
    class Entries {

        final Rollout rollout = Rollout.parse(List.of("AL0010000", "al0020000@2026-12-01", "AL0030000@2026-11-29"), false);

        @ParameterizedTest(name = "{0} enforced on {1}: {2}")
        @CsvSource({
                "AL0010000, 2026-11-29, true",
                "AL0020000, 2026-11-30, false",
                "AL0020000, 2026-12-01, true",
                "al0020000, 2026-12-02, true",
                "AL0030000, 2026-11-29, true",
                "AL0030000, 2026-11-28, false",
                "AL0099999, 2030-01-01, false"})
        void enforced(String ori, LocalDate day, boolean expected) {
            assertThat(rollout.enforced(ori, day)).isEqualTo(expected);
        }

        @Test
        @DisplayName("the date an ORI is enforced from is reported; an ORI without a date has no start")
        void since() {
            assertThat(rollout.enforcedSince("AL0020000")).hasValue(LocalDate.of(2026, 12, 1));
            assertThat(rollout.enforcedSince("AL0010000")).hasValue(LocalDate.MIN);
            assertThat(rollout.enforcedSince("AL0099999")).isEmpty();
        }
    }

    @Test
    @DisplayName("* applies to everyone with an ORI, the earliest matching date wins")
    void everyone() {
        Rollout rollout = Rollout.parse(List.of("*@2027-01-01", "AL0010000@2026-06-01"), false);
        assertThat(rollout.enforced("AL0099999", TODAY)).isFalse();
        assertThat(rollout.enforced("AL0099999", LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(rollout.enforcedSince("AL0010000")).hasValue(LocalDate.of(2026, 6, 1));
    }

    @ParameterizedTest(name = "no ORI, default enforced={0}")
    @CsvSource({"true", "false"})
    @DisplayName("users without an ORI follow the setting when the rollout names agencies only")
    void usersWithoutOri(boolean enforced) {
        Rollout rollout = Rollout.parse(List.of("AL0010000"), enforced);
        assertThat(rollout.enforced(null, TODAY)).isEqualTo(enforced);
        assertThat(rollout.enforced(" ", TODAY)).isEqualTo(enforced);
    }

    @ParameterizedTest(name = "no ORI, default enforced={0}")
    @CsvSource({"true", "false"})
    @DisplayName("* means everyone: also users without an ORI, whatever their own setting, from the date of *")
    void everyoneIncludesUsersWithoutOri(boolean enforced) {
        assertThat(Rollout.parse(List.of("*"), enforced).enforced(null, TODAY)).isTrue();
        assertThat(Rollout.parse(List.of("*"), enforced).enforced(" ", TODAY)).isTrue();
        Rollout later = Rollout.parse(List.of("*@2027-01-01"), false);
        assertThat(later.enforced(null, TODAY)).isFalse();
        assertThat(later.enforced(null, LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    @DisplayName("enforced on a day: the day it took effect (none for an undated entry), nothing before it")
    void enforcedOn() {
        Rollout rollout = Rollout.parse(List.of("AL0010000", "AL0020000@2026-12-01"), false);
        assertThat(rollout.enforcedOn("AL0010000", TODAY)).hasValue(LocalDate.MIN);
        assertThat(rollout.enforcedOn("AL0020000", TODAY)).isEmpty();
        assertThat(rollout.enforcedOn("AL0020000", LocalDate.of(2026, 12, 1))).hasValue(LocalDate.of(2026, 12, 1));
        assertThat(rollout.enforcedOn("AL0099999", TODAY)).isEmpty();
    }

    @Test
    @DisplayName("unreadable entries (bad date, not an ORI) are reported; commas and blanks separate entries too")
    void invalid() {
        Rollout rollout = Rollout.parse(List.of("AL0010000@tomorrow, AL0020000", "@2026-01-01", "", "AL001",
                "AL0040000@2026-02-30", "**"), false);
        assertThat(rollout.invalid()).containsExactly("AL0010000@tomorrow", "@2026-01-01", "AL001",
                "AL0040000@2026-02-30", "**");
        assertThat(rollout.enforced("AL0010000", TODAY)).isFalse();
        assertThat(rollout.enforced("AL0020000", TODAY)).isTrue();
    }
}
