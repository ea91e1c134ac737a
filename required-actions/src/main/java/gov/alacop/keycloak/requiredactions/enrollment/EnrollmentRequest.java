package gov.alacop.keycloak.requiredactions.enrollment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.common.enrollment.EnrollmentConfig;
import gov.alacop.keycloak.common.enrollment.EnrollmentMethod;
import gov.alacop.keycloak.common.enrollment.EnrollmentState;
import gov.alacop.keycloak.common.realm.AlaCopRealm;

/**
 * What one request of the wizard decides from, read once: the settings (parsed once), what the user has set up and
 * skipped, and whether their agency is enforced today (decided once, by {@link
 * gov.alacop.keycloak.common.enrollment.Rollout#enforcedOn}).
 *
 * @param enforcedSince the day the user's agency became enforced ({@link LocalDate#MIN}: no start date), or empty
 */
record EnrollmentRequest(EnrollmentConfig config, EnrollmentState state, Optional<LocalDate> enforcedSince) {

    static EnrollmentRequest of(RequiredActionContext context) {
        UserModel user = context.getUser();
        return of(EnrollmentConfig.of(context.getConfig()), EnrollmentState.of(user),
                user.getFirstAttribute(AlaCopRealm.ORI_ATTRIBUTE), LocalDate.now(ZoneOffset.UTC));
    }

    static EnrollmentRequest of(EnrollmentConfig config, EnrollmentState state, String ori, LocalDate today) {
        return new EnrollmentRequest(config, state, config.rollout().enforcedOn(ori, today));
    }

    boolean enforced() {
        return enforcedSince.isPresent();
    }

    /** Two allowed methods, one of them for signing in. */
    boolean complete() {
        return state.complete(config.allowed());
    }

    /** The methods set up that still count (the allowed ones). */
    Set<EnrollmentMethod> counted() {
        return state.counted(config.allowed());
    }

    /** The user's only sign-in method is no longer allowed: an allowed one must be set up now. */
    boolean mustReplace() {
        return state.onlyRetiredSignIn(config.allowed());
    }

    /** Not enforced, skips left, and not a user whose only sign-in method is no longer allowed. */
    boolean skippable() {
        return !enforced() && config.skipsLeft(state.skips()) && !mustReplace();
    }

    /** What the user may set up next: allowed, not done, a sign-in method when that is what is missing. */
    Set<EnrollmentMethod> remaining() {
        return EnrollmentMethod.remaining(counted(), config.allowed());
    }
}
