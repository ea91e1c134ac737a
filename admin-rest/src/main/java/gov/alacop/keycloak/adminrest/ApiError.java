package gov.alacop.keycloak.adminrest;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A clear 4xx body: {@code {"error": "<code>", "errorMessage": "<sentence>"}}; never echoes secret input. */
public final class ApiError {

    private ApiError() {
    }

    public static Response badRequest(String code, String message) {
        return of(Response.Status.BAD_REQUEST, code, message);
    }

    /** The user id of the path names no user of the realm: 404 on every endpoint under {@code users/{userId}}. */
    public static Response unknownUser() {
        return of(Response.Status.NOT_FOUND, "unknown_user", "No user with this id in the realm.");
    }

    public static Response of(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", code, "errorMessage", message)).build();
    }
}
