package gov.alacop.keycloak.requiredactions.staysignedin;

import java.util.Locale;
import java.util.Optional;

/** The answer to "Stay signed in?", as posted by the form or saved on the user. */
enum Choice {
    YES("yes"),
    NO("no");

    private final String value;

    Choice(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** Reads {@code yes}/{@code no} (any case, surrounding blanks ignored); anything else is no answer. */
    static Optional<Choice> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        for (Choice choice : values()) {
            if (choice.value.equals(normalized)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
