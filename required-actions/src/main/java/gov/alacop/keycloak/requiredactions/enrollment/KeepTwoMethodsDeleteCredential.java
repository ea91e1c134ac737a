package gov.alacop.keycloak.requiredactions.enrollment;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;

import gov.alacop.keycloak.common.enrollment.Enrollment;

/**
 * Takes over Keycloak's {@code delete_credential} required action (same id, higher {@link #order()}), which the
 * account console runs to remove a credential: while the user's agency is enforced, removing a security method
 * that would leave fewer than two (or no sign-in method) is refused with a clear message. The rule is
 * {@link Enrollment#removalRefused} (its arithmetic is {@code EnrollmentMethod.removalKeepsTwo}), the same one the credential providers answer "removeable" from (which covers
 * the account REST API too). Everything else is Keycloak's own (re-authentication, confirmation page, the removal).
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
            context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL_ERROR)
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
        CredentialModel credential = credentialId == null || credentialId.isBlank() ? null
                : context.getUser().credentialManager().getStoredCredentialById(credentialId);
        return credential != null
                && Enrollment.of(context.getRealm()).removalRefused(context.getUser(), credential.getType());
    }
}
