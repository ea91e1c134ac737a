package gov.alacop.keycloak.authenticators.reset;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * The reset's audit trail (SPEC §12), as Keycloak login events an administrator finds under the user in the admin
 * console: {@code RESET_PASSWORD} for each step passed, {@code RESET_PASSWORD_ERROR} for each refusal. Details name
 * the step, the method and the rule or reason, never a code, an answer or a password.
 */
final class ResetEvents {

    /** started, proof_passed, succeeded (RESET_PASSWORD); proof_failed, refused, help_desk (RESET_PASSWORD_ERROR). */
    static final String STEP = "alacop_reset";
    static final String METHOD = "alacop_method";
    /** The methods of the proofs, in order, e.g. {@code app,questions}. */
    static final String PROOFS = "alacop_proofs";
    /** The rule that refused a new password, e.g. {@code min_age}. */
    static final String RULE = "alacop_rule";

    static final String STARTED = "started";
    static final String PROOF_PASSED = "proof_passed";
    static final String SUCCEEDED = "succeeded";
    static final String ERROR_PROOF_FAILED = "alacop_reset_proof_failed";
    static final String ERROR_REFUSED = "alacop_reset_refused";
    static final String ERROR_HELP_DESK = "alacop_reset_help_desk";

    private ResetEvents() {
    }

    /**
     * A fresh RESET_PASSWORD event for this subject, under the account the identifier names, also one that may not
     * be reset (events are for administrators; the pages never tell).
     */
    static EventBuilder event(AuthenticationFlowContext context, ResetSubject subject, UserModel user) {
        EventBuilder event = context.getEvent().clone().event(EventType.RESET_PASSWORD);
        if (user != null) {
            event.user(user);
        } else if (subject.accountId() != null) {
            event.user(subject.accountId());
        }
        return event.detail(Details.USERNAME, subject.eventUsername());
    }
}
