package gov.alacop.keycloak.requiredactions.enrollment;

import java.util.List;

/**
 * What the wizard page shows; prepared here so the template has no logic.
 *
 * @param step        {@code propose}, {@code choose} or {@code done}
 * @param done        message keys of the methods set up, in order
 * @param proposed    the method proposed ({@code app} first), or null
 * @param proposedKey its message key
 * @param others      [id, message key] of the other methods the user may pick
 * @param skippable   whether "Skip setup" is offered
 * @param enforcedSince the day the agency made the setup required (shown when not skippable), or ""
 * @param snoozeHours after how many hours a skipped setup comes back
 * @param replaceRetired the user's only sign-in method is no longer allowed: an allowed one must be set up now
 */
public record EnrollmentPage(String step, List<String> done, int count, int required, String proposed,
                             String proposedKey, List<List<String>> others, boolean skippable,
                             String enforcedSince, int snoozeHours, boolean replaceRetired) {
}
