package gov.alacop.keycloak.common.enrollment;

import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.APP;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RequiredActionConfigModel;

@DisplayName("Enrollment settings and the skip snooze")
class EnrollmentConfigTest {

    static RequiredActionConfigModel model(Map<String, String> values) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(values);
        return model;
    }

    @Test
    @DisplayName("without configuration: all methods, nothing enforced, 24 hours, unlimited skips")
    void defaults() {
        EnrollmentConfig config = EnrollmentConfig.of(null);
        assertThat(config.allowed()).isEqualTo(EnumSet.allOf(EnrollmentMethod.class));
        assertThat(config.snoozeHours()).isEqualTo(24);
        assertThat(config.skipsLeft(1_000)).isTrue();
        assertThat(config.rollout().enforced("AL0010000", LocalDate.now())).isFalse();
        assertThat(config.rollout().enforced(null, LocalDate.now())).isFalse();
    }

    @Test
    @DisplayName("allow-list, multivalued rollout, users without ORI, snooze and maximum skips are read")
    void configured() {
        EnrollmentConfig config = EnrollmentConfig.of(model(Map.of(
                "allowedMethods", "App, phone, fax",
                "rollout", "AL0010000##AL0020000@2099-01-01",
                "enforceUsersWithoutOri", "true",
                "snoozeHours", "48",
                "maxSkips", "2")));
        assertThat(config.allowed()).isEqualTo(EnumSet.of(APP, PHONE));
        assertThat(config.rollout().enforced("AL0010000", LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(config.rollout().enforced("AL0020000", LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(config.rollout().enforced(null, LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(config.snoozeHours()).isEqualTo(48);
        assertThat(config.skipsLeft(1)).isTrue();
        assertThat(config.skipsLeft(2)).isFalse();
    }

    @Test
    @DisplayName("unreadable numbers fall back to the defaults; an hour is the shortest snooze")
    void badNumbers() {
        EnrollmentConfig config = EnrollmentConfig.of(model(Map.of("snoozeHours", "soon", "maxSkips", "-3")));
        assertThat(config.snoozeHours()).isEqualTo(24);
        assertThat(config.skipsLeft(50)).isTrue();
        assertThat(EnrollmentConfig.of(model(Map.of("snoozeHours", "0"))).snoozeHours()).isEqualTo(1);
    }

    @Test
    @DisplayName("a skip snoozes the wizard until the first sign-in at least snoozeHours later")
    void snooze() {
        long skippedAt = 1_000_000_000_000L;
        EnrollmentState state = new EnrollmentState(Set.of(), skippedAt, 1);
        long hour = EnrollmentState.HOUR_MILLIS;
        assertThat(state.snoozed(24, skippedAt + 23 * hour)).isTrue();
        assertThat(state.snoozed(24, skippedAt + 24 * hour - 1)).isTrue();
        assertThat(state.snoozed(24, skippedAt + 24 * hour)).isFalse();
        assertThat(new EnrollmentState(Set.of(), 0, 0).snoozed(24, skippedAt)).isFalse();
    }

    @Test
    @DisplayName("the administrator's save is refused for anything sign-in would ignore: unknown methods, too few "
            + "methods, unreadable rollout entries, non-numbers, non-booleans")
    void problems() {
        assertThat(EnrollmentConfig.problems(Map.of("allowedMethods", "app,phone,questions", "rollout",
                "AL0010000##*@2027-01-01##al0020000@2026-12-01", "enforceUsersWithoutOri", "false",
                "snoozeHours", "24", "maxSkips", "0"))).isEmpty();
        assertThat(EnrollmentConfig.problems(Map.of())).isEmpty();
        assertThat(EnrollmentConfig.problems(Map.of("allowedMethods", "app,sms"))).singleElement()
                .asString().contains("'sms'");
        assertThat(EnrollmentConfig.problems(Map.of("allowedMethods", "app"))).singleElement()
                .asString().contains("at least two");
        assertThat(EnrollmentConfig.problems(Map.of("allowedMethods", "questions"))).hasSize(1);
        assertThat(EnrollmentConfig.problems(Map.of("rollout", "AL0010000##AL0020000@2026-13-01##AL01")))
                .hasSize(2).allSatisfy(p -> assertThat(p).startsWith("Enforced agencies"));
        assertThat(EnrollmentConfig.problems(Map.of("enforceUsersWithoutOri", "yes"))).hasSize(1);
        assertThat(EnrollmentConfig.problems(Map.of("snoozeHours", "0", "maxSkips", "-1"))).hasSize(2);
        assertThat(EnrollmentConfig.problems(Map.of("snoozeHours", "a day"))).hasSize(1);
    }
}
