package gov.alacop.keycloak.requiredactions.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import gov.alacop.keycloak.common.enrollment.EnrollmentMethod;

/** What the "Keep your account secure" page shows ({@code enrollment}); prepared here so the template only displays. */
public final class EnrollmentBean {

    static final String STEP_PROPOSE = "propose";
    static final String STEP_CHOOSE = "choose";
    static final String STEP_DONE = "done";

    private final String step;
    private final List<String> done;
    private final String proposed;
    private final String proposedKey;
    private final List<List<String>> others;
    private final boolean skippable;
    private final String enforcedSince;
    private final int snoozeHours;
    private final boolean replaceRetired;

    private EnrollmentBean(String step, List<String> done, EnrollmentMethod proposed, List<List<String>> others,
            boolean skippable, String enforcedSince, int snoozeHours, boolean replaceRetired) {
        this.step = step;
        this.done = done;
        this.proposed = proposed == null ? null : proposed.id();
        this.proposedKey = proposed == null ? null : proposed.messageKey();
        this.others = others;
        this.skippable = skippable;
        this.enforcedSince = enforcedSince;
        this.snoozeHours = snoozeHours;
        this.replaceRetired = replaceRetired;
    }

    /**
     * The page for this request: the confirmation once two methods count; otherwise the method proposed next (the
     * app first) with the others behind "I want to set up a different method", or all of them when {@code choosing}.
     */
    static EnrollmentBean of(EnrollmentRequest request, boolean choosing) {
        Set<EnrollmentMethod> counted = request.counted();
        List<String> doneKeys = counted.stream().map(EnrollmentMethod::messageKey).toList();
        int snoozeHours = request.config().snoozeHours();
        if (request.complete()) {
            return new EnrollmentBean(STEP_DONE, doneKeys, null, List.of(), false, "", snoozeHours, false);
        }
        Set<EnrollmentMethod> remaining = request.remaining();
        EnrollmentMethod proposed = remaining.isEmpty() ? null : remaining.iterator().next();
        List<List<String>> others = new ArrayList<>();
        for (EnrollmentMethod method : remaining) {
            if (choosing || method != proposed) {
                others.add(List.of(method.id(), method.messageKey()));
            }
        }
        String since = request.enforcedSince().filter(day -> !day.equals(LocalDate.MIN)).map(LocalDate::toString)
                .orElse("");
        return new EnrollmentBean(choosing ? STEP_CHOOSE : STEP_PROPOSE, doneKeys, proposed, List.copyOf(others),
                request.skippable(), since, snoozeHours, request.mustReplace());
    }

    /** {@code propose}, {@code choose} or {@code done}. */
    public String getStep() {
        return step;
    }

    /** Message keys of the methods set up (that still count), in order. */
    public List<String> getDone() {
        return done;
    }

    public int getCount() {
        return done.size();
    }

    public int getRequired() {
        return EnrollmentMethod.REQUIRED;
    }

    /** The id of the method proposed next, or null. */
    public String getProposed() {
        return proposed;
    }

    /** Its message key, or null. */
    public String getProposedKey() {
        return proposedKey;
    }

    /** [id, message key] of the other methods the user may pick. */
    public List<List<String>> getOthers() {
        return others;
    }

    /** Whether "Skip setup" is offered. */
    public boolean isSkippable() {
        return skippable;
    }

    /** The day the agency made the setup required, or "" (not enforced, or enforced with no start date). */
    public String getEnforcedSince() {
        return enforcedSince;
    }

    /** After how many hours a skipped setup comes back. */
    public int getSnoozeHours() {
        return snoozeHours;
    }

    /** The user's only sign-in method is no longer allowed: an allowed one must be set up now. */
    public boolean isReplaceRetired() {
        return replaceRetired;
    }
}
