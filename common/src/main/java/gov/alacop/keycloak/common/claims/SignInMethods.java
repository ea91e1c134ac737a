package gov.alacop.keycloak.common.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The methods an AlaCOP sign-in verified, as the {@code amr} claim reports them. Each step records what it verified
 * in the user-session note {@value #NOTE} of its authentication session ({@link #record}: a short space-separated
 * list such as {@code pwd otp mfa}, never a secret); Keycloak copies the note into the user session when the
 * sign-in completes, so tokens issued later in the session (single sign-on, refresh) report the same methods. A new
 * authentication in the same session (a re-authentication asked by an application) replaces the note; a flow reset
 * clears it.
 */
public final class SignInMethods {

    /** The user-session note holding the recorded methods. */
    public static final String NOTE = "alacop.amr";

    private SignInMethods() {
    }

    /** Adds these methods to what this sign-in recorded so far. */
    public static void record(AuthenticationSessionModel authSession, AuthenticationMethod... methods) {
        Set<AuthenticationMethod> recorded = parse(authSession.getUserSessionNotes().get(NOTE));
        recorded.addAll(Arrays.asList(methods));
        authSession.setUserSessionNote(NOTE, format(recorded));
    }

    /**
     * Adds a method set up and verified during this sign-in (the code of a new authenticator app or phone proves
     * possession of it), but only when this authentication session is a sign-in that already recorded a method:
     * a setup an application asks for on an existing session ({@code kc_action}) leaves the session's methods as
     * they were, because the note of this authentication session would replace them. Never adds {@link
     * AuthenticationMethod#MFA}: a factor bound during the sign-in does not confirm who signed in.
     */
    public static void recordSetup(AuthenticationSessionModel authSession, AuthenticationMethod method) {
        if (!parse(authSession.getUserSessionNotes().get(NOTE)).isEmpty()) {
            record(authSession, method);
        }
    }

    /** The methods a note names, in claim order; unknown words are ignored. */
    public static Set<AuthenticationMethod> parse(String note) {
        Set<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
        if (note != null) {
            for (String word : note.trim().split("\\s+")) {
                AuthenticationMethod.of(word).ifPresent(methods::add);
            }
        }
        return methods;
    }

    /** The note's text for these methods, in claim order. */
    public static String format(Collection<AuthenticationMethod> methods) {
        Set<AuthenticationMethod> ordered = EnumSet.noneOf(AuthenticationMethod.class);
        ordered.addAll(methods);
        return ordered.stream()
                .map(AuthenticationMethod::value)
                .collect(Collectors.joining(" "));
    }

    /**
     * The {@code amr} claim: the methods of the note in claim order, then the references of other steps (Keycloak's
     * per-execution {@code default.reference.value}) in their order, each value once; blank references are dropped.
     */
    public static List<String> claim(String note, Collection<String> otherReferences) {
        Set<String> values = new LinkedHashSet<>();
        parse(note).forEach(method -> values.add(method.value()));
        if (otherReferences != null) {
            for (String reference : otherReferences) {
                if (reference != null && !reference.isBlank()) {
                    values.add(reference.strip());
                }
            }
        }
        return new ArrayList<>(values);
    }
}
