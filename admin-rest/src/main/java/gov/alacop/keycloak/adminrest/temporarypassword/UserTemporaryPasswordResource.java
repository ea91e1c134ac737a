package gov.alacop.keycloak.adminrest.temporarypassword;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.adminrest.ApiError;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordPattern;

/**
 * {@code POST users/{userId}/temporary-password} with {@code {"ssnLast4":"4321"}}: issues (or, for the help desk,
 * re-issues) the officer's temporary password and ends the officer's sessions and offline tokens. 200 with
 * {@code {"temporaryPasswordExpiresAt": "...", "warnings": [...]}} on success; the digits are never returned.
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
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(String body) {
        context.auth().users().requireManage();
        UserModel user = context.session().users().getUserById(context.realm(), userId);
        if (user == null) {
            return ApiError.unknownUser();
        }
        context.auth().users().requireManage(user);
        Map<String, Object> answer;
        try {
            answer = issueFor(context, user, ssnLast4(body));
        } catch (WebApplicationException refused) {
            return refused.getResponse();
        }
        context.adminEvent().operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath(context.session().getContext().getUri())
                .representation(answer)
                .success();
        return Response.ok(answer).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The digits of a {@code {"ssnLast4":"4321"}} body; a {@link WebApplicationException} with the 400 otherwise. */
    public static String ssnLast4(String body) {
        try {
            return RequestBodies.ssnLast4(body);
        } catch (RequestBodies.Malformed e) {
            throw new WebApplicationException(ApiError.badRequest("invalid_request", e.getMessage()));
        }
    }

    /**
     * Checks that a temporary password can be issued from these digits, changing nothing; throws a
     * {@link WebApplicationException} carrying the 400 answer otherwise.
     */
    public static void checkFor(AdminContext context, UserModel user, String ssnLast4) {
        TemporaryPasswordIssuer issuer = new TemporaryPasswordIssuer(context.session(), context.realm());
        refusing(() -> {
            issuer.check(user.getFirstName(), user.getLastName(), ssnLast4);
            issuer.checkUsername(user.getUsername(), ssnLast4);
            return null;
        });
    }

    /**
     * Issues the temporary password and returns what the caller is told (expiry, warnings; never the digits or the
     * password); throws a {@link WebApplicationException} carrying the 400 answer when it is refused.
     */
    public static Map<String, Object> issueFor(AdminContext context, UserModel user, String ssnLast4) {
        TemporaryPasswordIssuer.Issued issued = refusing(
                () -> new TemporaryPasswordIssuer(context.session(), context.realm()).issue(user, ssnLast4));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("temporaryPasswordExpiresAt", issued.expiresAt().toString());
        answer.put("warnings", issued.warnings());
        return answer;
    }

    private static <T> T refusing(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (TemporaryPasswordPattern.InvalidInput e) {
            throw new WebApplicationException(ApiError.badRequest(e.problem().code(), e.problem().description()));
        } catch (TemporaryPasswordIssuer.UsernameHoldsDigits e) {
            throw new WebApplicationException(ApiError.badRequest(TemporaryPasswordIssuer.USERNAME_HOLDS_DIGITS,
                    e.getMessage()));
        } catch (TemporaryPasswordIssuer.PolicyRefused e) {
            throw new WebApplicationException(ApiError.badRequest("password_policy", "The temporary password would "
                    + "break the realm's password policy (" + e.getMessage() + "); check the temporary-password prefix."));
        }
    }
}
