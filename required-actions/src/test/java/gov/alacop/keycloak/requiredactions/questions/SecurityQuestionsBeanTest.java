package gov.alacop.keycloak.requiredactions.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the security-questions page shows")
class SecurityQuestionsBeanTest {

    final SecurityQuestionsBean bean = new SecurityQuestionsBean(List.of("q01", "q07", "q20"),
            Arrays.asList("q07", null, null, null, null));

    @Test
    @DisplayName("the configured questions are the dropdown's options, in order, with their message keys")
    void options() {
        assertThat(bean.getOptions()).containsExactly(List.of("q01", "alacopQuestion.q01"),
                List.of("q07", "alacopQuestion.q07"), List.of("q20", "alacopQuestion.q20"));
    }

    @Test
    @DisplayName("five rows keep the question chosen so far; every field is named once")
    void rows() {
        assertThat(bean.getRows()).extracting(SecurityQuestionsBean.Row::getSelected)
                .containsExactly("q07", "", "", "", "");
        assertThat(bean.getRows().get(4).getQuestionField()).isEqualTo("question5");
        assertThat(bean.getFields()).hasSize(10).startsWith("question1", "answer1").endsWith("question5", "answer5");
    }
}
