package gov.alacop.keycloak.adminrest.temporarypassword;

import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.adminrest.ApiError;

/**
 * {@code POST users/{userId}/temporary-password} with {@code {"ssnLast4":"4321"}}: issues (or, for the help desk,
 * re-issues) the officer's temporary password. 204 on success.
 */
public final class UserTemporaryPasswordResource {

    private final AdminContext context;
    private final String userId;

    public UserTemporaryPasswordResource(AdminContext context, String userId) {
        this.context = context;
        this.userId = userId;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(String body) {
        context.auth().users().requireManage();
        UserModel user = context.session().users().getUserById(context.realm(), userId);
        if (user == null) {
            return ApiError.badRequest("unknown_user", "No user with this id in the realm.");
        }
        context.auth().users().requireManage(user);
        String ssnLast4;
        try {
            ssnLast4 = RequestBodies.ssnLast4(body);
        } catch (RequestBodies.Malformed e) {
            return ApiError.badRequest("invalid_request", e.getMessage());
        }
        Instant expiresAt;
        try {
            expiresAt = new TemporaryPasswordIssuer(context.session(), context.realm()).issue(user, ssnLast4);
        } catch (TemporaryPasswordPattern.InvalidInput e) {
            return ApiError.badRequest(e.problem().code(), e.problem().description());
        } catch (TemporaryPasswordIssuer.PolicyRefused e) {
            return ApiError.badRequest("password_policy", "The temporary password would break the realm's password "
                    + "policy (" + e.getMessage() + "); check the temporary-password prefix.");
        }
        context.adminEvent().operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath(context.session().getContext().getUri())
                .representation(Map.of("temporaryPasswordExpiresAt", expiresAt.toString()))
                .success();
        return Response.noContent().build();
    }
}
