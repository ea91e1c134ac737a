package gov.alacop.keycloak.common.messaging;

/** How a code reaches a phone. */
public enum Channel {
    /** A text message (SMS). */
    TEXT,
    /** A voice call that reads the code. */
    VOICE;

    /** The form/config value: {@code text} or {@code voice}; null for anything else. */
    public static Channel parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "text", "sms" -> TEXT;
            case "voice" -> VOICE;
            default -> null;
        };
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
