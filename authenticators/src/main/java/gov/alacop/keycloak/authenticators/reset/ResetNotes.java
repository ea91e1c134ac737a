package gov.alacop.keycloak.authenticators.reset;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Auth-session notes of one execution of the reset flow: every name is prefixed with the execution's id, so a note
 * written by one step (or by the same authenticator in another flow) is never read by another. A step reads what an
 * earlier step of the same flow established only through {@link #ofEarlierStep}, which also requires that step to
 * have succeeded in this authentication session: a restart (which clears the execution statuses and the notes) or
 * a jump between flows leaves nothing to read.
 */
final class ResetNotes {

    private static final String PREFIX = "alacop.reset.";

    private final AuthenticationSessionModel authSession;
    private final String executionId;

    private ResetNotes(AuthenticationSessionModel authSession, String executionId) {
        this.authSession = authSession;
        this.executionId = executionId;
    }

    /** The notes of the step that is running. */
    static ResetNotes of(AuthenticationFlowContext context) {
        return new ResetNotes(context.getAuthenticationSession(), context.getExecution().getId());
    }

    /** The notes of the earlier step with this provider id in the same flow, if it succeeded in this session. */
    static Optional<ResetNotes> ofEarlierStep(AuthenticationFlowContext context, String providerId) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return context.getRealm().getAuthenticationExecutionsStream(context.getExecution().getParentFlow())
                .filter(execution -> providerId.equals(execution.getAuthenticator()))
                .map(AuthenticationExecutionModel::getId)
                .filter(id -> authSession.getExecutionStatus().get(id) == AuthenticationSessionModel.ExecutionStatus.SUCCESS)
                .findFirst()
                .map(id -> new ResetNotes(authSession, id));
    }

    String get(String name) {
        return authSession.getAuthNote(key(name));
    }

    void set(String name, String value) {
        if (value == null) {
            remove(name);
        } else {
            authSession.setAuthNote(key(name), value);
        }
    }

    void remove(String... names) {
        for (String name : names) {
            authSession.removeAuthNote(key(name));
        }
    }

    /** The full note name of {@code name}: also the prefix of notes kept for this step by shared code. */
    String key(String name) {
        return PREFIX + executionId + "." + name;
    }
}
