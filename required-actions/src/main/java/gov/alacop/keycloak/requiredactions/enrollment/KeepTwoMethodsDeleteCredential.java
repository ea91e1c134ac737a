package gov.alacop.keycloak.requiredactions.enrollment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;

import gov.alacop.keycloak.common.enrollment.EnrollmentConfig;
import gov.alacop.keycloak.common.enrollment.EnrollmentMethod;
import gov.alacop.keycloak.common.enrollment.EnrollmentState;

/**
 * Takes over Keycloak's {@code delete_credential} required action (same id, higher {@link #order()}), which the
 * account console runs to remove a credential: while the user's agency is enforced, removing a security method
 * that would leave fewer than two (or no sign-in method) is refused with a clear message. Everything else is
 * Keycloak's own (re-authentication, confirmation page, the removal itself).
 */
public final class KeepTwoMethodsDeleteCredential extends DeleteCredentialAction {

    static final String ERROR_EVENT = "security_methods_minimum";

    @Override
    public int order() {
        return 100;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (refused(context)) {
            context.getEvent().clone().event(org.keycloak.events.EventType.REMOVE_CREDENTIAL_ERROR)
                    .error(ERROR_EVENT);
            Response page = context.form().setError("alacopEnrollKeepTwoMethods")
                    .createErrorPage(Response.Status.BAD_REQUEST);
            context.challenge(page);
            return;
        }
        super.processAction(context);
    }

    private static boolean refused(RequiredActionContext context) {
        String credentialId = context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_PARAMETER);
        CredentialModel credential = credentialId == null ? null
                : context.getUser().credentialManager().getStoredCredentialById(credentialId);
        if (credential == null) {
            return false;
        }
        Optional<EnrollmentMethod> method = EnrollmentMethod.byCredentialType(credential.getType());
        if (method.isEmpty()) {
            return false;
        }
        EnrollmentConfig config = EnrollmentConfig.of(
                context.getRealm().getRequiredActionConfigByAlias(EnrollmentRequiredActionFactory.ID));
        if (!config.rollout().enforced(context.getUser().getFirstAttribute(EnrollmentRequiredAction.ORI_ATTRIBUTE),
                LocalDate.now(ZoneOffset.UTC))) {
            return false;
        }
        long sameType = context.getUser().credentialManager().getStoredCredentialsByTypeStream(credential.getType())
                .count();
        Set<EnrollmentMethod> after = EnumSet.noneOf(EnrollmentMethod.class);
        after.addAll(EnrollmentState.of(context.getUser()).done());
        if (sameType <= 1) {
            after.remove(method.get());
        }
        return !EnrollmentMethod.complete(after);
    }
}
