package gov.alacop.keycloak.adminrest.setup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ModelException;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.adminrest.ApiError;

/**
 * {@code POST setup}: brings the realm to what AlaCOP needs and answers with the plan; {@code DELETE setup}: the
 * undo. Both require manage-realm (and manage-clients for {@code clients}); {@code ?dryRun=true} only plans and
 * needs view-realm.
 * {@code ?clients=lets,ecrime} also adds the token claims to those clients. {@code Accept: text/plain} answers the
 * plan as text (what the command-line script prints). Every applied run is an admin event with the plan.
 */
public final class RealmSetupResource {

    private static final Logger LOG = Logger.getLogger(RealmSetupResource.class);

    private static final String DRY_RUN = "dryRun";
    private static final String CLIENTS = "clients";

    private final AdminContext context;

    public RealmSetupResource(AdminContext context) {
        this.context = context;
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response setup(@Context UriInfo uri, @Context HttpHeaders headers) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Response refused = checkOptions(query, Set.of(DRY_RUN, CLIENTS));
        if (refused != null) {
            return refused;
        }
        boolean dryRun = dryRun(query);
        List<ClientModel> clients = new ArrayList<>();
        for (String clientId : clientIds(query)) {
            ClientModel client = context.realm().getClientByClientId(clientId);
            if (client == null) {
                return ApiError.of(Response.Status.NOT_FOUND, "unknown_client",
                        "No client '" + clientId + "' in the realm; nothing was changed.");
            }
            if (!dryRun) {
                context.auth().clients().requireManage(client);
            }
            clients.add(client);
        }
        return run("setup", RealmSetup.plan(context.session(), context.realm(), clients), dryRun, uri, headers);
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response undo(@Context UriInfo uri, @Context HttpHeaders headers) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Response refused = checkOptions(query, Set.of(DRY_RUN));
        if (refused != null) {
            return refused;
        }
        return run("undo", RealmUndo.plan(context.session(), context.realm()), dryRun(query), uri, headers);
    }

    /**
     * The privilege and the options both endpoints share: view-realm to see a plan, manage-realm to change the
     * realm; an unknown option or a {@code dryRun} that is neither true nor false is a 400 (null: all fine).
     */
    private Response checkOptions(MultivaluedMap<String, String> query, Set<String> known) {
        context.auth().realm().requireViewRealm();
        Response refused = unknownOptions(query, known);
        if (refused != null) {
            return refused;
        }
        Boolean dryRun = parseDryRun(query);
        if (dryRun == null) {
            return ApiError.badRequest("invalid_option", "dryRun must be true or false.");
        }
        if (!dryRun) {
            context.auth().realm().requireManageRealm();
        }
        return null;
    }

    /** After {@link #checkOptions}: the dryRun option, valid. */
    private static boolean dryRun(MultivaluedMap<String, String> query) {
        return Boolean.TRUE.equals(parseDryRun(query));
    }

    private Response run(String action, SetupPlan plan, boolean dryRun, UriInfo uri, HttpHeaders headers) {
        String realm = context.realm().getName();
        if (!dryRun && !plan.changes().isEmpty()) {
            try {
                plan.apply();
            } catch (ModelException | IllegalArgumentException e) {
                context.session().getTransactionManager().setRollbackOnly();
                LOG.warnf("AlaCOP %s of realm %s refused by Keycloak: %s", action, realm, e.getMessage());
                return ApiError.of(Response.Status.CONFLICT, "setup_refused", "Keycloak refused a change ("
                        + e.getMessage() + "); nothing was changed.");
            }
            context.adminEvent().operation(OperationType.UPDATE).resource(ResourceType.REALM)
                    .resourcePath(uri).representation(plan.toJson(realm, action, false)).success();
            LOG.infof("AlaCOP %s of realm %s: %d changes, %d conflicts", action, realm, plan.changes().size(),
                    plan.conflicts().size());
        }
        if (wantsText(headers)) {
            return Response.ok(plan.toText(realm, action, dryRun), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .build();
        }
        return Response.ok(plan.toJson(realm, action, dryRun), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response unknownOptions(MultivaluedMap<String, String> query, Set<String> known) {
        Set<String> unknown = new LinkedHashSet<>(query.keySet());
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return null;
        }
        return ApiError.badRequest("unknown_option", "Unknown option " + String.join(", ", unknown)
                + "; the options are " + String.join(", ", known.stream().sorted().toList()) + ".");
    }

    /** Absent: false; "true"/"false" in any case; anything else: null (refused). */
    private static Boolean parseDryRun(MultivaluedMap<String, String> query) {
        List<String> values = query.get(DRY_RUN);
        if (values == null || values.isEmpty()) {
            return false;
        }
        if (values.size() > 1) {
            return null;
        }
        String value = values.get(0).strip();
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        return value.equalsIgnoreCase("false") ? false : null;
    }

    private static Set<String> clientIds(MultivaluedMap<String, String> query) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> values = query.get(CLIENTS);
        if (values != null) {
            for (String value : values) {
                for (String id : value.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        return ids;
    }

    private static boolean wantsText(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_PLAIN_TYPE) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }
}
