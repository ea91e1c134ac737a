package gov.alacop.keycloak.common.enrollment;

import java.util.EnumSet;
import java.util.Set;

import org.keycloak.models.UserModel;

/** What a user has set up and what they skipped: read from credentials and user attributes (survives the browser). */
public record EnrollmentState(Set<EnrollmentMethod> done, long skippedAt, int skips) {

    /** Epoch milliseconds of the last "Skip setup". */
    public static final String SKIPPED_AT_ATTRIBUTE = "alacopMfaSkippedAt";
    public static final String SKIPS_ATTRIBUTE = "alacopMfaSkips";
    public static final long HOUR_MILLIS = 3_600_000L;

    public static EnrollmentState of(UserModel user) {
        Set<EnrollmentMethod> done = EnumSet.noneOf(EnrollmentMethod.class);
        user.credentialManager().getStoredCredentialsStream()
                .forEach(c -> EnrollmentMethod.byCredentialType(c.getType()).ifPresent(done::add));
        return new EnrollmentState(done, parse(user.getFirstAttribute(SKIPPED_AT_ATTRIBUTE)),
                (int) parse(user.getFirstAttribute(SKIPS_ATTRIBUTE)));
    }

    /** Complete with the methods that count: those still allowed (a method removed from the list no longer counts). */
    public boolean complete(Set<EnrollmentMethod> allowed) {
        return EnrollmentMethod.complete(counted(allowed));
    }

    /** The methods set up that still count. */
    public Set<EnrollmentMethod> counted(Set<EnrollmentMethod> allowed) {
        Set<EnrollmentMethod> counted = EnumSet.noneOf(EnrollmentMethod.class);
        counted.addAll(done);
        counted.retainAll(allowed);
        return counted;
    }

    /**
     * The user's only way to sign in is a method no longer allowed: they prove themselves with it once more, then
     * must set up an allowed one before the sign-in completes (no skip).
     */
    public boolean onlyRetiredSignIn(Set<EnrollmentMethod> allowed) {
        return done.stream().anyMatch(m -> m.signIn() && !allowed.contains(m))
                && counted(allowed).stream().noneMatch(EnrollmentMethod::signIn);
    }

    /** The next prompt after a skip (0 when never skipped). */
    public long nextPromptAt(int snoozeHours) {
        return skippedAt == 0 ? 0 : skippedAt + snoozeHours * HOUR_MILLIS;
    }

    public boolean snoozed(int snoozeHours, long now) {
        return skippedAt != 0 && now < nextPromptAt(snoozeHours);
    }

    private static long parse(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
