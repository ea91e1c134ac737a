package gov.alacop.keycloak.adminrest.securitymethods;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.adminrest.ApiError;
import gov.alacop.keycloak.adminrest.UserSessions;
import gov.alacop.keycloak.adminrest.temporarypassword.UserTemporaryPasswordResource;
import gov.alacop.keycloak.common.enrollment.Enrollment;

/**
 * {@code DELETE users/{userId}/security-methods}: the help desk removes all of a user's security methods (app,
 * phone, security questions), e.g. after a lost phone, and ends the user's sessions and offline tokens (whoever holds
 * the lost phone may also hold a session); the user sets up two again at the next sign-in. An optional body
 * {@code {"ssnLast4":"4321"}} also issues a fresh temporary password in the same call (checked before anything
 * changes; the digits are never stored, logged or returned). Returns the credential types removed. Requires
 * manage-users; recorded as an admin event.
 */
public final class UserSecurityMethodsResource {

    private final AdminContext context;
    private final String userId;

    public UserSecurityMethodsResource(AdminContext context, String userId) {
        this.context = context;
        this.userId = userId;
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(String body) {
        context.auth().users().requireManage();
        UserModel user = context.session().users().getUserById(context.realm(), userId);
        if (user == null) {
            return ApiError.unknownUser();
        }
        context.auth().users().requireManage(user);
        String ssnLast4 = null;
        if (body != null && !body.isBlank()) {
            try {
                ssnLast4 = UserTemporaryPasswordResource.ssnLast4(body);
                UserTemporaryPasswordResource.checkFor(context, user, ssnLast4);
            } catch (WebApplicationException refused) {
                return refused.getResponse();
            }
        }
        List<String> types = Enrollment.credentialTypes();
        List<CredentialModel> methods = user.credentialManager().getStoredCredentialsStream()
                .filter(c -> types.contains(c.getType())).toList();
        methods.forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.removeAttribute(Enrollment.SKIPPED_AT_ATTRIBUTE);
        List<String> removed = methods.stream().map(CredentialModel::getType).distinct().sorted().toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("removed", removed);
        if (ssnLast4 != null) {
            // Issuing also ends the sessions; checked above, so it is not refused now.
            answer.putAll(UserTemporaryPasswordResource.issueFor(context, user, ssnLast4));
        } else {
            UserSessions.endAll(context.session(), context.realm(), user);
        }
        answer.put("sessionsEnded", true);
        Map<String, Object> event = new LinkedHashMap<>(answer);
        event.put("removedSecurityMethods", event.remove("removed"));
        context.adminEvent().operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath(context.session().getContext().getUri())
                .representation(event)
                .success();
        return Response.ok(answer).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
