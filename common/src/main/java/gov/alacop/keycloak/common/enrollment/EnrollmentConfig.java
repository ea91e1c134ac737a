package gov.alacop.keycloak.common.enrollment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.Constants;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Admin-console settings of the enrollment wizard, with their defaults. */
public record EnrollmentConfig(Set<EnrollmentMethod> allowed, Rollout rollout, int snoozeHours, int maxSkips) {

    public static final String ALLOWED_METHODS = "allowedMethods";
    public static final String ROLLOUT = "rollout";
    public static final String NO_ORI_ENFORCED = "enforceUsersWithoutOri";
    public static final String SNOOZE_HOURS = "snoozeHours";
    public static final String MAX_SKIPS = "maxSkips";
    public static final String DEFAULT_ALLOWED = "app,phone,questions";
    public static final int DEFAULT_SNOOZE_HOURS = 24;

    public static EnrollmentConfig of(RequiredActionConfigModel model) {
        String allowedText = value(model, ALLOWED_METHODS);
        Set<EnrollmentMethod> allowed = EnumSet.noneOf(EnrollmentMethod.class);
        for (String id : (allowedText == null || allowedText.isBlank() ? DEFAULT_ALLOWED : allowedText).split("[,\\s]+")) {
            EnrollmentMethod.byId(id.strip().toLowerCase(Locale.ROOT)).ifPresent(allowed::add);
        }
        if (allowed.isEmpty()) {
            allowed = EnumSet.allOf(EnrollmentMethod.class);
        }
        String rolloutText = value(model, ROLLOUT);
        List<String> lines = rolloutText == null ? List.of()
                : Arrays.asList(rolloutText.split(Constants.CFG_DELIMITER));
        Rollout rollout = Rollout.parse(lines, Boolean.parseBoolean(value(model, NO_ORI_ENFORCED)));
        return new EnrollmentConfig(allowed, rollout, number(value(model, SNOOZE_HOURS), DEFAULT_SNOOZE_HOURS, 1),
                number(value(model, MAX_SKIPS), 0, 0));
    }

    /**
     * What is wrong with settings an administrator is about to save, one sentence each (empty: fine). Anything that
     * would otherwise be ignored at sign-in (and so silently exempt users or offer nothing) is refused here.
     */
    public static List<String> problems(Map<String, String> config) {
        List<String> problems = new ArrayList<>();
        String allowedText = config.get(ALLOWED_METHODS);
        if (allowedText != null && !allowedText.isBlank()) {
            Set<EnrollmentMethod> allowed = EnumSet.noneOf(EnrollmentMethod.class);
            for (String id : allowedText.strip().split("[,\\s]+")) {
                Optional<EnrollmentMethod> method = EnrollmentMethod.byId(id.toLowerCase(Locale.ROOT));
                if (method.isEmpty()) {
                    problems.add("Allowed methods: '" + id + "' is not a method (use app, phone, questions).");
                } else {
                    allowed.add(method.get());
                }
            }
            if (problems.isEmpty() && !EnrollmentMethod.complete(allowed)) {
                problems.add("Allowed methods: allow at least two methods, one of them app or phone, or nobody can "
                        + "complete the setup.");
            }
        }
        String rolloutText = config.get(ROLLOUT);
        if (rolloutText != null) {
            for (String entry : Rollout.parse(Arrays.asList(rolloutText.split(Constants.CFG_DELIMITER)), false)
                    .invalid()) {
                problems.add("Enforced agencies: '" + entry + "' cannot be read (use ORI, ORI@yyyy-mm-dd, * or "
                        + "*@yyyy-mm-dd; an ORI is 2 letters and 7 letters or digits).");
            }
        }
        String noOri = config.get(NO_ORI_ENFORCED);
        if (noOri != null && !noOri.isBlank() && !noOri.strip().equals("true") && !noOri.strip().equals("false")) {
            problems.add("Enforce users without an ORI: use true or false.");
        }
        checkNumber(problems, config.get(SNOOZE_HOURS), 1, "Hours before asking again after Skip");
        checkNumber(problems, config.get(MAX_SKIPS), 0, "Maximum number of skips");
        return problems;
    }

    private static void checkNumber(List<String> problems, String text, int min, String label) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            if (Integer.parseInt(text.strip()) >= min) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(label + ": use a whole number of at least " + min + ".");
    }

    /** 0 = unlimited. */
    public boolean skipsLeft(int skipsSoFar) {
        return maxSkips == 0 || skipsSoFar < maxSkips;
    }

    private static String value(RequiredActionConfigModel model, String key) {
        return model == null ? null : model.getConfigValue(key);
    }

    private static int number(String text, int fallback, int min) {
        try {
            return text == null || text.isBlank() ? fallback : Math.max(min, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ALLOWED_METHODS).label("Allowed methods")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ALLOWED)
                .helpText("Comma-separated methods the wizard offers: app, phone, questions.").add()
                .property().name(ROLLOUT).label("Enforced agencies (MFA rollout)")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("One entry per agency: ORI (enforced now), ORI@yyyy-mm-dd (enforced from that day), or * for "
                        + "everyone. Enforced users cannot skip the setup.").add()
                .property().name(NO_ORI_ENFORCED).label("Enforce users without an ORI")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
                .helpText("Whether users without an ori attribute must set up their methods (otherwise they may skip).").add()
                .property().name(SNOOZE_HOURS).label("Hours before asking again after Skip")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(DEFAULT_SNOOZE_HOURS))
                .helpText("After 'Skip setup' the wizard comes back at the first sign-in this many hours later.").add()
                .property().name(MAX_SKIPS).label("Maximum number of skips")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("0")
                .helpText("How many times a user may skip; 0 = unlimited.").add()
                .build();
    }
}
