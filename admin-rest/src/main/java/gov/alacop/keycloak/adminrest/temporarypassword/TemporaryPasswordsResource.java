package gov.alacop.keycloak.adminrest.temporarypassword;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.adminrest.ApiError;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordPattern;

/**
 * {@code POST temporary-passwords}: a JSON array or a CSV of officers ({@code username, firstName, lastName, email,
 * ori, ssnLast4}, optional {@code reissue}). Each row runs in its own transaction and reports its status:
 * {@code created} (new officer, temporary password issued), {@code reissued} (existing officer whose temporary
 * password was still pending, or the row asked for {@code reissue}: names, e-mail and ORI updated, a new temporary
 * password issued, sessions ended), {@code updated} (an active officer's names, e-mail or ORI changed, password
 * untouched), {@code skipped_active} (an active officer, nothing to change), or {@code error}. A bad row changes
 * nothing and does not stop the others. A batch over the {@link BatchLimits} (rows, bytes) is refused as a whole
 * with 413 before any row is processed.
 */
public final class TemporaryPasswordsResource {

    private static final Logger LOG = Logger.getLogger(TemporaryPasswordsResource.class);
    public static final String TEXT_CSV = "text/csv";

    private final AdminContext context;

    public TemporaryPasswordsResource(AdminContext context) {
        this.context = context;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        context.auth().users().requireManage();
        List<TemporaryPasswordRow> rows;
        try {
            String text = BatchLimits.readBody(body, contentLength);
            rows = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(TEXT_CSV)
                    ? CsvRows.parse(text)
                    : RequestBodies.rows(text);
        } catch (BatchLimits.TooLarge e) {
            return ApiError.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "batch_too_large", e.getMessage());
        } catch (BatchLimits.NotUtf8 e) {
            return ApiError.badRequest("invalid_request", e.getMessage());
        } catch (IOException e) {
            return ApiError.badRequest("invalid_request", "The body could not be read.");
        } catch (CsvRows.MalformedCsv e) {
            return ApiError.badRequest("malformed_csv", e.getMessage());
        } catch (RequestBodies.Malformed e) {
            return ApiError.badRequest("invalid_request", e.getMessage());
        }
        String realmId = context.realm().getId();
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            results.add(process(i + 1, realmId, rows.get(i)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", results.stream().filter(r -> "created".equals(r.status())).map(RowResult::username).toList());
        summary.put("reissued", results.stream().filter(r -> "reissued".equals(r.status())).map(RowResult::username).toList());
        summary.put("updated", results.stream().filter(r -> "updated".equals(r.status())).map(RowResult::username).toList());
        summary.put("skippedActive", results.stream().filter(r -> "skipped_active".equals(r.status()))
                .map(RowResult::username).toList());
        summary.put("errors", results.stream().filter(r -> "error".equals(r.status())).count());
        context.adminEvent().operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath(context.session().getContext().getUri())
                .representation(summary)
                .success();
        return Response.ok(Map.of("results", results)).build();
    }

    private RowResult process(int number, String realmId, TemporaryPasswordRow row) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(context.session().getKeycloakSessionFactory(),
                    session -> processInOwnTransaction(session, realmId, number, row));
        } catch (RowRefused e) {
            return RowResult.error(number, row.username(), e.code, e.getMessage());
        } catch (ModelDuplicateException e) {
            return RowResult.error(number, row.username(), "duplicate", "Another user already has this username or e-mail.");
        } catch (RuntimeException e) {
            // The exception is not logged with its message: it could quote the row.
            LOG.warnf("Temporary password for row %d (%s) failed: %s", number, row.username(), e.getClass().getName());
            return RowResult.error(number, row.username(), "failed", "The row could not be saved.");
        }
    }

    private static RowResult processInOwnTransaction(KeycloakSession session, String realmId, int number,
            TemporaryPasswordRow row) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        TemporaryPasswordRow.Problem problem = row.problem();
        if (problem != null) {
            throw new RowRefused(problem.code(), problem.reason());
        }
        TemporaryPasswordIssuer issuer = new TemporaryPasswordIssuer(session, realm);
        try {
            issuer.check(row.firstName(), row.lastName(), row.ssnLast4());
        } catch (TemporaryPasswordPattern.InvalidInput e) {
            throw new RowRefused(e.problem().code(), e.problem().description());
        }
        List<String> warnings;
        try {
            warnings = issuer.checkUsername(row.username(), row.ssnLast4());
        } catch (TemporaryPasswordIssuer.UsernameHoldsDigits e) {
            throw new RowRefused(TemporaryPasswordIssuer.USERNAME_HOLDS_DIGITS, e.getMessage());
        }
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(row.username()));
        attributes.put(UserModel.FIRST_NAME, List.of(row.firstName()));
        attributes.put(UserModel.LAST_NAME, List.of(row.lastName()));
        if (row.email() != null) {
            attributes.put(UserModel.EMAIL, List.of(row.email()));
        }
        if (row.ori() != null) {
            attributes.put("ori", List.of(row.ori()));
        }
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UserModel user = session.users().getUserByUsername(realm, row.username());
        String status;
        try {
            if (user == null) {
                UserProfile profile = profiles.create(UserProfileContext.USER_API, attributes);
                user = profile.create();
                user.setEnabled(true);
                status = "created";
            } else if (row.reissue() || TemporaryPasswordIssuer.isPending(user)) {
                profiles.create(UserProfileContext.USER_API, attributes, user).update(false);
                status = "reissued";
            } else {
                // An active officer (a password of their own): a re-run never resets them silently.
                boolean changes = differs(user, row);
                if (changes) {
                    profiles.create(UserProfileContext.USER_API, attributes, user).update(false);
                }
                return new RowResult(number, row.username(), changes ? "updated" : "skipped_active", null, null, null,
                        List.of());
            }
        } catch (ValidationException e) {
            throw new RowRefused("invalid_user", describe(e));
        }
        try {
            Instant expiresAt = issuer.issue(user, row.ssnLast4()).expiresAt();
            return new RowResult(number, row.username(), status, null, null, expiresAt.toString(), warnings);
        } catch (TemporaryPasswordPattern.InvalidInput e) {
            throw new RowRefused(e.problem().code(), e.problem().description());
        } catch (TemporaryPasswordIssuer.UsernameHoldsDigits e) {
            throw new RowRefused(TemporaryPasswordIssuer.USERNAME_HOLDS_DIGITS, e.getMessage());
        } catch (TemporaryPasswordIssuer.PolicyRefused e) {
            throw new RowRefused("password_policy", "The temporary password would break the realm's password policy ("
                    + e.getMessage() + ").");
        }
    }

    /** Whether the row would change the officer's names, e-mail or ORI (blank e-mail and ORI change nothing). */
    private static boolean differs(UserModel user, TemporaryPasswordRow row) {
        return !Objects.equals(user.getFirstName(), row.firstName())
                || !Objects.equals(user.getLastName(), row.lastName())
                || row.email() != null && !row.email().equalsIgnoreCase(String.valueOf(user.getEmail()))
                || row.ori() != null && !row.ori().equals(user.getFirstAttribute("ori"));
    }

    private static String describe(ValidationException e) {
        StringBuilder out = new StringBuilder();
        for (ValidationException.Error error : e.getErrors()) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(error.getAttribute()).append(": ").append(error.getMessage());
        }
        return out.toString();
    }

    /**
     * Outcome of one row: {@code created}, {@code reissued}, {@code updated}, {@code skipped_active}, or {@code error}
     * with a code and a reason; {@code warnings} such as {@code username_contains_ssn_digits}.
     */
    public record RowResult(int row, String username, String status, String error, String reason,
            String temporaryPasswordExpiresAt, List<String> warnings) {
        static RowResult error(int row, String username, String code, String reason) {
            return new RowResult(row, username, "error", code, reason, null, List.of());
        }
    }

    /** Rolls the row's transaction back with a reason the caller may read. */
    private static final class RowRefused extends RuntimeException {
        private final String code;

        RowRefused(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }
}
