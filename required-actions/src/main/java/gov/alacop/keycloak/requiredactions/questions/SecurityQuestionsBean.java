package gov.alacop.keycloak.requiredactions.questions;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import gov.alacop.keycloak.common.questions.QuestionChoices;

/**
 * What the security-questions page shows ({@code securityQuestions}): the offered questions as dropdown options,
 * the five rows with the question chosen so far, and the names of the page's fields. Answers are never sent back
 * to the page.
 */
public final class SecurityQuestionsBean {

    static final String MESSAGE_KEY_PREFIX = "alacopQuestion.";

    /** One of the five rows: its number, its field names and the question chosen so far (or ""). */
    public static final class Row {
        private final int number;
        private final String selected;

        Row(int number, String selected) {
            this.number = number;
            this.selected = selected;
        }

        public int getNumber() {
            return number;
        }

        public String getQuestionField() {
            return QuestionChoices.QUESTION_FIELD + number;
        }

        public String getAnswerField() {
            return QuestionChoices.ANSWER_FIELD + number;
        }

        public String getSelected() {
            return selected;
        }
    }

    private final List<List<String>> options;
    private final List<Row> rows;

    /** {@code selected}: per row, the question id to keep selected, or null. */
    SecurityQuestionsBean(List<String> questionIds, List<String> selected) {
        this.options = questionIds.stream().map(id -> List.of(id, MESSAGE_KEY_PREFIX + id)).toList();
        this.rows = IntStream.range(0, selected.size())
                .mapToObj(i -> new Row(i + 1, selected.get(i) == null ? "" : selected.get(i))).toList();
    }

    /** The offered questions as [id, message key of its text], in the configured order. */
    public List<List<String>> getOptions() {
        return options;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** Every field of the page (question and answer of each row), e.g. to know whether one shows an error. */
    public List<String> getFields() {
        return rows.stream().flatMap(row -> Stream.of(row.getQuestionField(), row.getAnswerField()))
                .toList();
    }
}
