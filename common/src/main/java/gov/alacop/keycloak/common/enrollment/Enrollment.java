package gov.alacop.keycloak.common.enrollment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import gov.alacop.keycloak.common.realm.AlaCopRealm;

/** What other modules (the admin REST API) may ask about the two-method enrollment of a realm's users. */
public final class Enrollment {

    /** The id of the enrollment wizard (required action), whose configuration holds the rules. */
    public static final String ACTION_ID = "alacop-mfa-enrollment";
    public static final String SKIPPED_AT_ATTRIBUTE = EnrollmentState.SKIPPED_AT_ATTRIBUTE;
    public static final String SKIPS_ATTRIBUTE = EnrollmentState.SKIPS_ATTRIBUTE;

    private final EnrollmentConfig config;

    private Enrollment(EnrollmentConfig config) {
        this.config = config;
    }

    /** The realm's wizard settings (defaults when the action has no configuration). */
    public static Enrollment of(RealmModel realm) {
        RequiredActionConfigModel model = realm.getRequiredActionConfigByAlias(ACTION_ID);
        return new Enrollment(EnrollmentConfig.of(model));
    }

    /** The credential types that count as security methods. */
    public static List<String> credentialTypes() {
        return Arrays.stream(EnrollmentMethod.values()).map(EnrollmentMethod::credentialType).toList();
    }

    /** Auth note of the wizard: the officer confirmed two methods in this sign-in (value {@code true}). */
    public static final String CONFIRMED_NOTE = "alacop.enrollment.confirmed";

    /** Whether the officer completed the two-method setup in this sign-in (the wizard's final "Done"). */
    public static boolean completedIn(AuthenticationSessionModel authSession) {
        return "true".equals(authSession.getAuthNote(CONFIRMED_NOTE));
    }

    /**
     * The two-method rule of every self-service removal: removing one credential of this type is refused while the
     * user's agency is enforced and the allowed methods left would be fewer than two (or no sign-in method). Other
     * credential types (the password) are not this rule's business.
     */
    public boolean removalRefused(UserModel user, String credentialType) {
        Optional<EnrollmentMethod> method = EnrollmentMethod.byCredentialType(credentialType);
        if (user == null || method.isEmpty()
                || !config.rollout().enforced(user.getFirstAttribute(AlaCopRealm.ORI_ATTRIBUTE), LocalDate.now(ZoneOffset.UTC))) {
            return false;
        }
        boolean lastOfType = user.credentialManager().getStoredCredentialsByTypeStream(credentialType).count() <= 1;
        return !EnrollmentMethod.removalKeepsTwo(EnrollmentState.of(user).done(), method.get(), lastOfType,
                config.allowed());
    }

    /** How many distinct methods the user has set up. */
    public int methods(UserModel user) {
        return EnrollmentState.of(user).done().size();
    }

    /** Skipped and still within the snooze period. */
    public boolean skippedNow(UserModel user, long now) {
        return EnrollmentState.of(user).snoozed(config.snoozeHours(), now);
    }

    /** Empty: not enforced; {@link LocalDate#MIN}: enforced with no start date. */
    public Optional<LocalDate> enforcedSince(String ori) {
        return config.rollout().enforcedSince(ori);
    }
}
