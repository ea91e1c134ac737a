package gov.alacop.keycloak.common.questions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a user submitted on the security-questions page: {@link #COUNT} different questions from the
 * offered list, each with an answer of 3–40 characters, no two answers the same once normalized. Pure logic:
 * problems are returned per field as message keys.
 */
public final class QuestionChoices {

    public static final int COUNT = 5;

    public static final String QUESTION_FIELD = "question";
    public static final String ANSWER_FIELD = "answer";

    public static final String MSG_QUESTION_REQUIRED = "alacopQuestionsChooseQuestion";
    public static final String MSG_QUESTION_REPEATED = "alacopQuestionsQuestionRepeated";
    public static final String MSG_ANSWER_LENGTH = "alacopQuestionsAnswerLength";
    public static final String MSG_ANSWER_REPEATED = "alacopQuestionsAnswerRepeated";

    /** The submitted, normalized choices, and the problems by field name ({@code question1}, {@code answer3}...). */
    public record Result(List<String> questionIds, List<String> normalizedAnswers, Map<String, String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private QuestionChoices() {
    }

    /** {@code questions} and {@code answers} are indexed 0..COUNT-1 (missing entries may be null). */
    public static Result check(List<String> questions, List<String> answers, Set<String> offered) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<String> normalized = new ArrayList<>();
        Set<String> seenQuestions = new HashSet<>();
        Set<String> seenAnswers = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            String field = Integer.toString(i + 1);
            String id = i < questions.size() ? questions.get(i) : null;
            if (id == null || !offered.contains(id)) {
                problems.put(QUESTION_FIELD + field, MSG_QUESTION_REQUIRED);
            } else if (!seenQuestions.add(id)) {
                problems.put(QUESTION_FIELD + field, MSG_QUESTION_REPEATED);
            }
            ids.add(id);
            String raw = i < answers.size() ? answers.get(i) : null;
            // Over-long input is refused before any work is done on it.
            String answer = raw == null || raw.length() > Answers.MAX_LENGTH * 4 ? null : Answers.normalize(raw);
            if (answer == null || !Answers.acceptableLength(answer)) {
                problems.put(ANSWER_FIELD + field, MSG_ANSWER_LENGTH);
            } else if (!seenAnswers.add(answer)) {
                problems.put(ANSWER_FIELD + field, MSG_ANSWER_REPEATED);
            }
            normalized.add(answer);
        }
        return new Result(ids, normalized, problems);
    }
}
