package gov.alacop.keycloak.authenticators.reset;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reset pages show ({@code alacopReset} in the templates), prepared here so the templates only display.
 * Built from the method list, never from the account's state: an identifier that cannot be reset gets the same bean
 * shape from its decoys.
 */
public final class ResetPage {

    /** A question asked on the page: its answer field and the message key of its text. */
    public static final class Question {
        private final String field;
        private final String messageKey;

        Question(String field, String messageKey) {
            this.field = field;
            this.messageKey = messageKey;
        }

        public String getField() {
            return field;
        }

        public String getMessageKey() {
            return messageKey;
        }
    }

    /** A "Verify another way" choice: form value and message key. */
    public static final class Way {
        private final String value;
        private final String label;

        Way(String value, String label) {
            this.value = value;
            this.label = label;
        }

        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    private final String upn;
    private final String method;
    private final List<Question> questions;
    private final List<Way> otherWays;
    private final boolean showOtherWays;
    private final String helpDesk;
    private final String maskedNumber;

    private ResetPage(String upn, String method, List<Question> questions, List<Way> otherWays, boolean showOtherWays,
            String helpDesk, String maskedNumber) {
        this.maskedNumber = maskedNumber;
        this.upn = upn;
        this.method = method;
        this.questions = questions;
        this.otherWays = otherWays;
        this.showOtherWays = showOtherWays;
        this.helpDesk = helpDesk;
    }

    static ResetPage proof(String upn, ResetMethod method, List<String> questionIds, List<ResetMethod> others,
            boolean showOtherWays, String maskedNumber) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < questionIds.size(); i++) {
            questions.add(new Question(ResetProofsAuthenticator.FIELD_ANSWER + (i + 1), "alacopQuestion." + questionIds.get(i)));
        }
        List<Way> ways = others.stream().map(m -> new Way(m.value(), "alacopResetWay." + m.value())).toList();
        return new ResetPage(upn, method.value(), List.copyOf(questions), ways, showOtherWays, null, maskedNumber);
    }

    static ResetPage helpDesk(String upn, String helpDesk) {
        return new ResetPage(upn, null, List.of(), List.of(), false, helpDesk, null);
    }

    static ResetPage password(String upn) {
        return new ResetPage(upn, null, List.of(), List.of(), false, null, null);
    }

    public String getUpn() {
        return upn;
    }

    public String getMethod() {
        return method;
    }

    public boolean isApp() {
        return ResetMethod.APP.value().equals(method);
    }

    /** A text or voice code. */
    public boolean isPhone() {
        ResetMethod parsed = ResetMethod.parse(method);
        return parsed != null && parsed.isPhone();
    }

    public boolean isVoice() {
        return ResetMethod.VOICE.value().equals(method);
    }

    /** {@code •••0123}: the officer's phone on a phone proof and in the other ways (a decoy's for a decoy). */
    public String getMaskedNumber() {
        return maskedNumber;
    }

    /** The questions asked (empty for a code). No {@code isQuestions()}: FreeMarker would read that instead. */
    public List<Question> getQuestions() {
        return questions;
    }

    public List<Way> getOtherWays() {
        return otherWays;
    }

    public boolean isShowOtherWays() {
        return showOtherWays;
    }

    public String getHelpDesk() {
        return helpDesk;
    }
}
