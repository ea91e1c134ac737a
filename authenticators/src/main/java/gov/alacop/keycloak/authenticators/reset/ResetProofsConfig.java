package gov.alacop.keycloak.authenticators.reset;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Typed view of the proof step's settings. A value that would weaken the reset or make it impossible (no code method
 * allowed, more proofs than methods, a number out of range) falls back to the default: the step fails closed.
 * Keycloak 26.7 has no save-time validation hook for authenticator settings, so this is where they are checked.
 */
record ResetProofsConfig(ResetPlan plan, int questionsAsked, String helpDeskText) {

    static final String PROOFS = "proofs";
    static final String ALLOWED_METHODS = "allowedMethods";
    static final String QUESTIONS_ASKED = "questionsAsked";
    static final String HELP_DESK_TEXT = "helpDeskText";

    static final int DEFAULT_PROOFS = 2;
    static final int DEFAULT_QUESTIONS_ASKED = 3;
    static final Set<ResetMethod> DEFAULT_METHODS = EnumSet.allOf(ResetMethod.class);
    static final String DEFAULT_HELP_DESK_TEXT = "the ALEA Support Center, 1-844-838-9028 or ALEA-Support@alea.gov";
    static final int MAX_HELP_DESK_TEXT = 200;

    static ResetProofsConfig of(AuthenticatorConfigModel model) {
        return of(model == null ? null : model.getConfig());
    }

    static ResetProofsConfig of(Map<String, String> values) {
        Map<String, String> config = values == null ? Map.of() : values;
        int proofs = number(config.get(PROOFS), 1, 2, DEFAULT_PROOFS);
        Set<ResetMethod> methods = methods(config.get(ALLOWED_METHODS));
        if (methods.stream().noneMatch(ResetMethod::isCode)
                || ResetPlan.factors(List.copyOf(methods)).size() < proofs) {
            methods = DEFAULT_METHODS;
        }
        int asked = number(config.get(QUESTIONS_ASKED), 1, 5, DEFAULT_QUESTIONS_ASKED);
        String text = config.get(HELP_DESK_TEXT);
        if (text == null || text.isBlank() || text.strip().length() > MAX_HELP_DESK_TEXT) {
            text = DEFAULT_HELP_DESK_TEXT;
        }
        return new ResetProofsConfig(new ResetPlan(proofs, methods), asked, text.strip());
    }

    private static Set<ResetMethod> methods(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_METHODS;
        }
        Set<ResetMethod> methods = EnumSet.noneOf(ResetMethod.class);
        for (String part : value.split("##|,")) {
            ResetMethod method = ResetMethod.parse(part);
            if (method != null) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static int number(String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed < min || parsed > max ? fallback : parsed;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PROOFS).label("Number of proofs")
                .type(ProviderConfigProperty.LIST_TYPE).options("2", "1").defaultValue(String.valueOf(DEFAULT_PROOFS))
                .helpText("2 (default): two proofs from two different methods, at least one of them a code. "
                        + "1: one code.").add()
                .property().name(ALLOWED_METHODS).label("Methods allowed as proofs")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options("app", "text", "voice", "questions")
                .defaultValue("app##text##voice##questions")
                .helpText("app = authenticator app code, text / voice = a code texted or read out to the officer's "
                        + "verified phone (one factor: both count as the phone), questions = security questions "
                        + "(never the only proof). At least one code method, and methods of at least as many "
                        + "factors as proofs; otherwise the default applies.").add()
                .property().name(QUESTIONS_ASKED).label("Security questions asked")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_QUESTIONS_ASKED))
                .helpText("How many of the officer's 5 questions are asked, picked at random (1 to 5, default 3). "
                        + "All must be right.").add()
                .property().name(HELP_DESK_TEXT).label("Help desk")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_HELP_DESK_TEXT)
                .helpText("Ends \"We can't verify your identity online. Contact your help desk at ...\" (at most "
                        + MAX_HELP_DESK_TEXT + " characters).").add()
                .build();
    }
}
