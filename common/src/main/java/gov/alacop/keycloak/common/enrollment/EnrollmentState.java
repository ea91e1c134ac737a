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

    public boolean complete() {
        return EnrollmentMethod.complete(done);
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
