package gov.alacop.keycloak.adminrest.securitymethods;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.common.enrollment.Enrollment;

/**
 * {@code DELETE users/{userId}/security-methods}: the help desk removes all of a user's security methods (app,
 * phone, security questions), e.g. after a lost phone; the user sets up two again at the next sign-in. Returns the
 * credential types removed. Requires manage-users; recorded as an admin event.
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
    public Response remove() {
        context.auth().users().requireManage();
        UserModel user = context.session().users().getUserById(context.realm(), userId);
        if (user == null) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "unknown_user", "errorMessage", "No user with this id in the realm."))
                    .build();
        }
        context.auth().users().requireManage(user);
        List<String> types = Enrollment.credentialTypes();
        List<CredentialModel> methods = user.credentialManager().getStoredCredentialsStream()
                .filter(c -> types.contains(c.getType())).toList();
        methods.forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.removeAttribute(Enrollment.SKIPPED_AT_ATTRIBUTE);
        List<String> removed = methods.stream().map(CredentialModel::getType).distinct().sorted().toList();
        context.adminEvent().operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath(context.session().getContext().getUri())
                .representation(Map.of("removedSecurityMethods", removed))
                .success();
        return Response.ok(Map.of("removed", removed)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
