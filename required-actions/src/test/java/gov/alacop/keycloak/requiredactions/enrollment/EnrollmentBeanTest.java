package gov.alacop.keycloak.requiredactions.enrollment;

import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.APP;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.PHONE;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.common.enrollment.EnrollmentConfig;
import gov.alacop.keycloak.common.enrollment.EnrollmentMethod;
import gov.alacop.keycloak.common.enrollment.EnrollmentState;
import gov.alacop.keycloak.common.enrollment.Rollout;

@DisplayName("What the 'Keep your account secure' page shows")
class EnrollmentBeanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Set<EnrollmentMethod> ALL = EnumSet.allOf(EnrollmentMethod.class);
    static final String ORI = "AL0010000";

    static EnrollmentRequest request(Set<EnrollmentMethod> done, List<String> rollout, int skips, int maxSkips,
            Set<EnrollmentMethod> allowed) {
        EnrollmentConfig config = new EnrollmentConfig(allowed, Rollout.parse(rollout, false), 24, maxSkips);
        EnrollmentState state = new EnrollmentState(done.isEmpty() ? EnumSet.noneOf(EnrollmentMethod.class)
                : EnumSet.copyOf(done), 0, skips);
        return EnrollmentRequest.of(config, state, ORI, TODAY);
    }

    static EnrollmentRequest request(Set<EnrollmentMethod> done, List<String> rollout) {
        return request(done, rollout, 0, 0, ALL);
    }

    @Nested
    @DisplayName("a first visit, agency not enforced")
    class FirstVisit {

        final EnrollmentBean page = EnrollmentBean.of(request(Set.of(), List.of()), false);

        @Test
        @DisplayName("proposes the app, offers phone and questions behind 'different method', and Skip")
        void proposesTheApp() {
            assertThat(page.getStep()).isEqualTo("propose");
            assertThat(page.getProposed()).isEqualTo("app");
            assertThat(page.getProposedKey()).isEqualTo("alacopEnrollMethodApp");
            assertThat(page.getOthers()).containsExactly(List.of("phone", "alacopEnrollMethodPhone"),
                    List.of("questions", "alacopEnrollMethodQuestions"));
            assertThat(page.isSkippable()).isTrue();
            assertThat(page.getEnforcedSince()).isEmpty();
            assertThat(page.getCount()).isZero();
            assertThat(page.getRequired()).isEqualTo(2);
            assertThat(page.getSnoozeHours()).isEqualTo(24);
        }

        @Test
        @DisplayName("choosing lists every method left, the proposed one too")
        void choosing() {
            EnrollmentBean choosing = EnrollmentBean.of(request(Set.of(), List.of()), true);
            assertThat(choosing.getStep()).isEqualTo("choose");
            assertThat(choosing.getOthers()).extracting(option -> option.get(0))
                    .containsExactly("app", "phone", "questions");
        }
    }

    @Test
    @DisplayName("after the questions only a sign-in method is proposed; the done list shows the questions")
    void afterQuestions() {
        EnrollmentBean page = EnrollmentBean.of(request(Set.of(QUESTIONS), List.of()), false);
        assertThat(page.getDone()).containsExactly("alacopEnrollMethodQuestions");
        assertThat(page.getCount()).isEqualTo(1);
        assertThat(page.getProposed()).isEqualTo("app");
        assertThat(page.getOthers()).extracting(option -> option.get(0)).containsExactly("phone");
    }

    @Test
    @DisplayName("two methods: the confirmation, nothing left to offer, no Skip")
    void complete() {
        EnrollmentBean page = EnrollmentBean.of(request(Set.of(APP, PHONE), List.of()), false);
        assertThat(page.getStep()).isEqualTo("done");
        assertThat(page.getDone()).containsExactly("alacopEnrollMethodApp", "alacopEnrollMethodPhone");
        assertThat(page.getProposed()).isNull();
        assertThat(page.getOthers()).isEmpty();
        assertThat(page.isSkippable()).isFalse();
    }

    @Nested
    @DisplayName("enforcement, decided once")
    class Enforcement {

        @Test
        @DisplayName("an agency enforced since a day: no Skip, the day is shown")
        void since() {
            EnrollmentRequest request = request(Set.of(), List.of(ORI + "@2026-11-01"));
            assertThat(request.enforced()).isTrue();
            EnrollmentBean page = EnrollmentBean.of(request, false);
            assertThat(page.isSkippable()).isFalse();
            assertThat(page.getEnforcedSince()).isEqualTo("2026-11-01");
        }

        @Test
        @DisplayName("an agency enforced without a date: no Skip, no day")
        void undated() {
            EnrollmentBean page = EnrollmentBean.of(request(Set.of(), List.of(ORI)), false);
            assertThat(page.isSkippable()).isFalse();
            assertThat(page.getEnforcedSince()).isEmpty();
        }

        @Test
        @DisplayName("an agency enforced from a later day: Skip now, and no day shown yet")
        void later() {
            EnrollmentRequest request = request(Set.of(), List.of(ORI + "@2026-12-01"));
            assertThat(request.enforced()).isFalse();
            EnrollmentBean page = EnrollmentBean.of(request, false);
            assertThat(page.isSkippable()).isTrue();
            assertThat(page.getEnforcedSince()).isEmpty();
        }
    }

    @Test
    @DisplayName("no skips left: no Skip, though the agency is not enforced")
    void noSkipsLeft() {
        assertThat(EnrollmentBean.of(request(Set.of(), List.of(), 2, 2, ALL), false).isSkippable()).isFalse();
        assertThat(EnrollmentBean.of(request(Set.of(), List.of(), 1, 2, ALL), false).isSkippable()).isTrue();
    }

    @Test
    @DisplayName("the only sign-in method is no longer allowed: an allowed one must replace it, no Skip")
    void replaceRetired() {
        EnrollmentRequest request = request(Set.of(PHONE, QUESTIONS), List.of(), 0, 0, EnumSet.of(APP, QUESTIONS));
        assertThat(request.mustReplace()).isTrue();
        EnrollmentBean page = EnrollmentBean.of(request, false);
        assertThat(page.isReplaceRetired()).isTrue();
        assertThat(page.isSkippable()).isFalse();
        assertThat(page.getDone()).containsExactly("alacopEnrollMethodQuestions");
        assertThat(page.getProposed()).isEqualTo("app");
    }
}
