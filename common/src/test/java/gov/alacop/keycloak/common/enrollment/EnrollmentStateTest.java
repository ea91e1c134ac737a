package gov.alacop.keycloak.common.enrollment;

import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.APP;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.PHONE;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Methods removed from allowedMethods stop counting")
class EnrollmentStateTest {

    static EnrollmentState state(Set<EnrollmentMethod> done) {
        return new EnrollmentState(done, 0, 0);
    }

    @Test
    @DisplayName("only allowed methods count toward the two")
    void counted() {
        EnrollmentState phoneAndQuestions = state(EnumSet.of(PHONE, QUESTIONS));
        assertThat(phoneAndQuestions.complete(EnumSet.allOf(EnrollmentMethod.class))).isTrue();
        assertThat(phoneAndQuestions.complete(EnumSet.of(APP, QUESTIONS))).isFalse();
        assertThat(phoneAndQuestions.counted(EnumSet.of(APP, QUESTIONS))).containsExactly(QUESTIONS);
    }

    @Test
    @DisplayName("an officer whose only sign-in method is retired must replace it; another allowed sign-in method ends that")
    void onlyRetiredSignIn() {
        Set<EnrollmentMethod> noPhone = EnumSet.of(APP, QUESTIONS);
        assertThat(state(EnumSet.of(PHONE)).onlyRetiredSignIn(noPhone)).isTrue();
        assertThat(state(EnumSet.of(PHONE, QUESTIONS)).onlyRetiredSignIn(noPhone)).isTrue();
        assertThat(state(EnumSet.of(PHONE, APP)).onlyRetiredSignIn(noPhone)).isFalse();
        assertThat(state(EnumSet.of(QUESTIONS)).onlyRetiredSignIn(noPhone)).as("nothing retired").isFalse();
        assertThat(state(EnumSet.of(PHONE)).onlyRetiredSignIn(EnumSet.allOf(EnrollmentMethod.class))).isFalse();
    }
}
