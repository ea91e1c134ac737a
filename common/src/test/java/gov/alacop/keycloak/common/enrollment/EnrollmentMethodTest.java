package gov.alacop.keycloak.common.enrollment;

import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.APP;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.PHONE;
import static gov.alacop.keycloak.common.enrollment.EnrollmentMethod.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which methods complete the enrollment")
class EnrollmentMethodTest {

    static final Set<EnrollmentMethod> ALL = EnumSet.allOf(EnrollmentMethod.class);

    @Test
    @DisplayName("app+phone, app+questions and phone+questions complete it; one method or questions alone do not")
    void complete() {
        assertThat(EnrollmentMethod.complete(EnumSet.of(APP, PHONE))).isTrue();
        assertThat(EnrollmentMethod.complete(EnumSet.of(APP, QUESTIONS))).isTrue();
        assertThat(EnrollmentMethod.complete(EnumSet.of(PHONE, QUESTIONS))).isTrue();
        assertThat(EnrollmentMethod.complete(EnumSet.of(QUESTIONS))).isFalse();
        assertThat(EnrollmentMethod.complete(EnumSet.of(APP))).isFalse();
        assertThat(EnrollmentMethod.complete(EnumSet.noneOf(EnrollmentMethod.class))).isFalse();
    }

    @Test
    @DisplayName("after questions only sign-in methods are offered; allow-list and done methods are respected")
    void remaining() {
        assertThat(EnrollmentMethod.remaining(EnumSet.noneOf(EnrollmentMethod.class), ALL)).containsExactly(APP, PHONE, QUESTIONS);
        assertThat(EnrollmentMethod.remaining(EnumSet.of(QUESTIONS), ALL)).containsExactly(APP, PHONE);
        assertThat(EnrollmentMethod.remaining(EnumSet.of(APP), ALL)).containsExactly(PHONE, QUESTIONS);
        assertThat(EnrollmentMethod.remaining(EnumSet.noneOf(EnrollmentMethod.class), EnumSet.of(APP, PHONE)))
                .containsExactly(APP, PHONE);
    }

    @Test
    @DisplayName("ids are what the form posts; unknown ids are not methods")
    void ids() {
        assertThat(EnrollmentMethod.byId("questions")).hasValue(QUESTIONS);
        assertThat(EnrollmentMethod.byId("sms-to-fax")).isEmpty();
        assertThat(EnrollmentMethod.byId(null)).isEmpty();
        assertThat(EnrollmentMethod.byCredentialType("otp")).hasValue(APP);
    }

    @Test
    @DisplayName("a removal must leave two allowed methods, one of them for signing in")
    void removalKeepsTwo() {
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(APP, PHONE, QUESTIONS), PHONE, true, ALL)).isTrue();
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(APP, PHONE), PHONE, true, ALL)).isFalse();
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(PHONE, QUESTIONS), QUESTIONS, true, ALL)).isFalse();
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(PHONE, QUESTIONS), PHONE, true, ALL))
                .as("questions alone are no sign-in method").isFalse();
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(APP, PHONE), APP, false, ALL))
                .as("a second authenticator app stays").isTrue();
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(APP, PHONE, QUESTIONS), QUESTIONS, true,
                EnumSet.of(APP, QUESTIONS))).as("the phone no longer counts").isFalse();
        assertThat(EnrollmentMethod.removalKeepsTwo(EnumSet.of(APP), APP, true, ALL)).isFalse();
    }
}
