package gov.alacop.keycloak.requiredactions.questions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    static SecurityQuestionsConfig of(RequiredActionConfigModel model) {
        String configured = model == null ? null : model.getConfigValue(QUESTIONS);
        Set<String> ids = new LinkedHashSet<>();
        if (configured != null) {
            for (String id : configured.split("##|,")) {
                if (id.strip().matches("[A-Za-z0-9_-]{1,40}")) {
                    ids.add(id.strip());
                }
            }
        }
        // Fewer than five would make the page impossible to complete.
        return new SecurityQuestionsConfig(ids.size() < 5 ? DEFAULT_IDS : List.copyOf(ids));
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
