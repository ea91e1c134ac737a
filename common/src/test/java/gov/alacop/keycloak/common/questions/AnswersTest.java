package gov.alacop.keycloak.common.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Security-question answers")
class AnswersTest {

    @Nested
    @DisplayName("are normalized")
    class Normalization {
        @ParameterizedTest(name = "\"{0}\" = \"{1}\"")
        @CsvSource(delimiter = '|', value = {
                "  Birmingham |birmingham", "BIRMINGHAM|birmingham", "New   York\tCity|new york city",
                "Straße|strasse", "ｍｏｂｉｌｅ|mobile", "ﬁsh|fish", "Ｒｅｄ  Ｒｏｖｅｒ|red rover"})
        @DisplayName("trimmed, spaces collapsed, case-folded, NFKC")
        void normalize(String typed, String normalized) {
            assertThat(Answers.normalize(typed)).isEqualTo(normalized);
        }

        @Test
        @DisplayName("null becomes empty")
        void nullAnswer() {
            assertThat(Answers.normalize(null)).isEmpty();
        }
    }

    @ParameterizedTest(name = "U+{0} x 5 is no answer")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0301", "200B", "200D", "2060", "FEFF", "3164", "034F",
            "20DD", "FE0F", "00AD", "E0041"})
    @DisplayName("combining marks or zero-width characters alone are too short once normalized")
    void invisibleOnly(String hex) {
        String mark = new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertThat(Answers.acceptableLength(Answers.normalize(mark.repeat(5)))).isFalse();
        assertThat(Answers.acceptableLength(Answers.normalize("ab" + mark.repeat(5)))).isFalse();
        QuestionChoices.Result result = QuestionChoices.check(List.of("q01", "q02", "q03", "q04", "q05"),
                List.of(mark.repeat(5), "Main Street", "Auburn", "Blue Bell", "Smith"), Set.of("q01", "q02", "q03", "q04", "q05"));
        assertThat(result.problems()).containsEntry("answer1", QuestionChoices.MSG_ANSWER_LENGTH);
    }

    @Test
    @DisplayName("zero-width characters are dropped: the officer can type the answer again without them")
    void zeroWidthDropped() {
        assertThat(Answers.normalize("R\u200Bex\u2060")).isEqualTo("rex");
        assertThat(Answers.normalize("Jose\u0301")).isEqualTo("jos\u00E9");
        assertThat(Answers.acceptableLength(Answers.normalize("e\u0301e\u0301e\u0301"))).isTrue();
    }

    @ParameterizedTest(name = "{0} characters -> {1}")
    @CsvSource({"2,false", "3,true", "40,true", "41,false"})
    @DisplayName("are 3 to 40 characters long")
    void length(int length, boolean acceptable) {
        assertThat(Answers.acceptableLength("a".repeat(length))).isEqualTo(acceptable);
    }

    @Nested
    @DisplayName("with their questions")
    class Choices {
        final Set<String> offered = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("q%02d", i))
                .collect(Collectors.toSet());
        final List<String> questions = List.of("q01", "q02", "q03", "q04", "q05");
        final List<String> answers = List.of("Rex", "Main Street", "Auburn", "Blue Bell", "Smith");

        @Test
        @DisplayName("are accepted when 5 different questions have 5 different answers")
        void accepted() {
            QuestionChoices.Result result = QuestionChoices.check(questions, answers, offered);
            assertThat(result.valid()).isTrue();
            assertThat(result.normalizedAnswers()).containsExactly("rex", "main street", "auburn", "blue bell", "smith");
        }

        @Test
        @DisplayName("refuse the same answer twice, whatever its case and spacing")
        void duplicateAnswers() {
            QuestionChoices.Result result = QuestionChoices.check(questions,
                    List.of("Rex", " REX ", "Auburn", "Blue Bell", "Smith"), offered);
            assertThat(result.problems()).containsExactly(java.util.Map.entry("answer2", QuestionChoices.MSG_ANSWER_REPEATED));
        }

        @Test
        @DisplayName("refuse a question chosen twice, one not offered, or none")
        void badQuestions() {
            QuestionChoices.Result result = QuestionChoices.check(Arrays.asList("q01", "q01", "q99", null, "q05"),
                    answers, offered);
            assertThat(result.problems()).containsOnlyKeys("question2", "question3", "question4");
            assertThat(result.problems().get("question2")).isEqualTo(QuestionChoices.MSG_QUESTION_REPEATED);
        }

        @Test
        @DisplayName("refuse answers too short, too long (10 000 characters) or missing")
        void badAnswers() {
            QuestionChoices.Result result = QuestionChoices.check(questions,
                    Arrays.asList("ab", "x".repeat(10_000), null, "   a  ", "<b>Smith</b>"), offered);
            assertThat(result.problems()).containsOnlyKeys("answer1", "answer2", "answer3", "answer4");
        }
    }
}
