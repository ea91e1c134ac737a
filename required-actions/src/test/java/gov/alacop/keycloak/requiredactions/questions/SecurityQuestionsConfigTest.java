package gov.alacop.keycloak.requiredactions.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.RequiredActionConfigModel;

@DisplayName("Security questions settings")
class SecurityQuestionsConfigTest {

    @Test
    @DisplayName("offer 20 questions by default")
    void defaults() {
        assertThat(SecurityQuestionsConfig.of(null).questionIds()).hasSize(20).startsWith("q01").endsWith("q20");
    }

    @Test
    @DisplayName("take the administrator's list in order, without repeats")
    void configured() {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(Map.of("questions", "badge##q02##q03##q02##academy##q09"));
        assertThat(SecurityQuestionsConfig.of(model).questionIds())
                .containsExactly("badge", "q02", "q03", "academy", "q09");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "q01##q02##q03##q04", "a b##<x>##q1##q2##q3"})
    @DisplayName("fall back to the defaults when fewer than 5 usable ids are configured")
    void tooFew(String configured) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(Map.of("questions", configured));
        assertThat(SecurityQuestionsConfig.of(model).questionIds()).hasSize(20);
    }

    @Test
    @DisplayName("accept on save five or more readable ids, or none (the defaults)")
    void acceptedOnSave() {
        assertThat(SecurityQuestionsConfig.problems(Map.of())).isEmpty();
        assertThat(SecurityQuestionsConfig.problems(Map.of("questions", " "))).isEmpty();
        assertThat(SecurityQuestionsConfig.problems(Map.of("questions", "badge##q02##q03##academy##q09"))).isEmpty();
    }

    @Test
    @DisplayName("refuse on save an id that cannot be a message key, naming it")
    void unreadableIdRefused() {
        assertThat(SecurityQuestionsConfig.problems(Map.of("questions", "q01##q02##q03##q04##first pet")))
                .singleElement().asString().contains("'first pet'");
    }

    @Test
    @DisplayName("refuse on save fewer than five different questions (repeats count once)")
    void tooFewRefused() {
        assertThat(SecurityQuestionsConfig.problems(Map.of("questions", "q01##q02##q03##q02##q04")))
                .singleElement().asString().contains("at least 5").contains("4 given");
    }
}
