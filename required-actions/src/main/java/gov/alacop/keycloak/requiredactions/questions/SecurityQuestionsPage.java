package gov.alacop.keycloak.requiredactions.questions;

import java.util.List;

/** What the security-questions page shows ({@code securityQuestions}); answers are never sent back to the page. */
public final class SecurityQuestionsPage {

    /** One offered question: id and message key of its text. */
    public static final class Question {
        private final String id;

        Question(String id) {
            this.id = id;
        }

        public String getId() {
            return id;
        }

        public String getMessageKey() {
            return "alacopQuestion." + id;
        }
    }

    /** One of the five rows: its number and the question chosen so far (or ""). */
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

        public String getSelected() {
            return selected;
        }
    }

    private final List<Question> questions;
    private final List<Row> rows;

    SecurityQuestionsPage(List<String> questionIds, List<String> selected) {
        this.questions = questionIds.stream().map(Question::new).toList();
        this.rows = java.util.stream.IntStream.range(0, selected.size())
                .mapToObj(i -> new Row(i + 1, selected.get(i) == null ? "" : selected.get(i))).toList();
    }

    public List<Question> getQuestions() {
        return questions;
    }

    public List<Row> getRows() {
        return rows;
    }
}
