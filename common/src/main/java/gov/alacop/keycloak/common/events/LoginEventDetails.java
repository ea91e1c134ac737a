package gov.alacop.keycloak.common.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.events.EventBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Details that belong on the LOGIN event although the step that knows them runs in an earlier request. Keycloak
 * sends the LOGIN event from the request that completes the sign-in (often a required action such as "Stay signed
 * in?"), with only the details set in that request; a step records its details here (an auth-session note, so any
 * node can finish the sign-in) and each of our required actions copies them onto its event before it completes.
 */
public final class LoginEventDetails {

    static final String NOTE = "alacop.login-event-details";
    /** The detail the second-factor step records once the user passed it: the method used (app, text, voice). */
    public static final String SECOND_FACTOR_METHOD = "alacop_method";
    private static final char PAIR = '\n';
    private static final char KEY_VALUE = '=';

    private LoginEventDetails() {
    }

    /** Records a detail (never a secret) for the LOGIN event of this sign-in. */
    public static void remember(AuthenticationSessionModel authSession, String key, String value) {
        Map<String, String> details = read(authSession.getAuthNote(NOTE));
        details.put(key, value);
        authSession.setAuthNote(NOTE, write(details));
    }

    /** A detail recorded in this sign-in, or null. */
    public static String recorded(AuthenticationSessionModel authSession, String key) {
        return read(authSession.getAuthNote(NOTE)).get(key);
    }

    /** Copies the recorded details onto the event that may turn out to be the LOGIN event. */
    public static void applyTo(EventBuilder event, AuthenticationSessionModel authSession) {
        read(authSession.getAuthNote(NOTE)).forEach(event::detail);
    }

    static Map<String, String> read(String note) {
        Map<String, String> details = new LinkedHashMap<>();
        if (note == null || note.isEmpty()) {
            return details;
        }
        for (String pair : note.split(String.valueOf(PAIR))) {
            int eq = pair.indexOf(KEY_VALUE);
            if (eq > 0) {
                details.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return details;
    }

    static String write(Map<String, String> details) {
        StringBuilder out = new StringBuilder();
        details.forEach((key, value) -> {
            if (!out.isEmpty()) {
                out.append(PAIR);
            }
            out.append(clean(key)).append(KEY_VALUE).append(clean(value));
        });
        return out.toString();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace(PAIR, ' ');
    }
}
