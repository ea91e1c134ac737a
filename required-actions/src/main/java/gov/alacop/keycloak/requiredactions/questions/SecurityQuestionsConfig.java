package gov.alacop.keycloak.requiredactions.questions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The offered questions, by id. Each id's text is the message {@code alacopQuestion.<id>} of the login theme (or
 * the realm's localization), so the list is translated like every other text.
 */
record SecurityQuestionsConfig(List<String> questionIds) {

    static final String QUESTIONS = "questions";
    static final List<String> DEFAULT_IDS;

    static {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ids.add(String.format("q%02d", i));
        }
        DEFAULT_IDS = List.copyOf(ids);
    }

    /** Five answers are asked for: fewer offered questions would make the page impossible to complete. */
    static final int MIN_QUESTIONS = 5;
    private static final String ID_PATTERN = "[A-Za-z0-9_-]{1,40}";
    private static final String SEPARATORS = "##|,";

    static SecurityQuestionsConfig of(RequiredActionConfigModel model) {
        String configured = model == null ? null : model.getConfigValue(QUESTIONS);
        Set<String> ids = new LinkedHashSet<>();
        if (configured != null) {
            for (String id : configured.split(SEPARATORS)) {
                if (id.strip().matches(ID_PATTERN)) {
                    ids.add(id.strip());
                }
            }
        }
        return new SecurityQuestionsConfig(ids.size() < MIN_QUESTIONS ? DEFAULT_IDS : List.copyOf(ids));
    }

    /**
     * What is wrong with settings an administrator is about to save (empty: fine): an id that cannot be a message
     * key, or fewer than five questions, would otherwise be dropped at sign-in in favour of the default list.
     */
    static List<String> problems(Map<String, String> config) {
        String configured = config.get(QUESTIONS);
        if (configured == null || configured.isBlank()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : configured.split(SEPARATORS)) {
            if (id.isBlank()) {
                continue;
            }
            if (id.strip().matches(ID_PATTERN)) {
                ids.add(id.strip());
            } else {
                problems.add("Questions: '" + id.strip() + "' is not a question id (use 1 to 40 letters, digits, "
                        + "_ or -).");
            }
        }
        if (problems.isEmpty() && ids.size() < MIN_QUESTIONS) {
            problems.add("Questions: offer at least " + MIN_QUESTIONS + " different questions (" + ids.size()
                    + " given).");
        }
        return problems;
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(QUESTIONS).label("Questions")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).defaultValue(String.join("##", DEFAULT_IDS))
                .helpText("Ids of the offered questions (at least 5). The text of id X is the message "
                        + "alacopQuestion.X of the login theme or the realm's localization.").add()
                .build();
    }
}
