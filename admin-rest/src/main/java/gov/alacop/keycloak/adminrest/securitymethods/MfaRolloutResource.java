package gov.alacop.keycloak.adminrest.securitymethods;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.UserModel;

import gov.alacop.keycloak.adminrest.AdminContext;
import gov.alacop.keycloak.common.enrollment.Enrollment;
import gov.alacop.keycloak.common.realm.AlaCopRealm;

/**
 * {@code GET mfa/rollout}: per ORI, how many users there are, how many have 0, 1 or at least 2 security methods, how
 * many skipped the setup and are within the snooze, and since when the agency is enforced ({@code null}: not
 * enforced; {@code "always"}: enforced without a start date). Users without an ORI are under {@code "(none)"}.
 * Requires view-users.
 */
public final class MfaRolloutResource {

    static final String NO_ORI = "(none)";

    private final AdminContext context;

    public MfaRolloutResource(AdminContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> report() {
        context.auth().users().requireView();
        Enrollment enrollment = Enrollment.of(context.realm());
        long now = System.currentTimeMillis();
        Map<String, Counts> byOri = new TreeMap<>();
        context.session().users()
                .searchForUserStream(context.realm(), Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"))
                .forEach(user -> {
                    String ori = user.getFirstAttribute(AlaCopRealm.ORI_ATTRIBUTE);
                    Counts counts = byOri.computeIfAbsent(ori == null || ori.isBlank() ? NO_ORI : ori.strip(),
                            k -> new Counts());
                    counts.users++;
                    int methods = enrollment.methods(user);
                    if (methods == 0) {
                        counts.none++;
                    } else if (methods == 1) {
                        counts.one++;
                    } else {
                        counts.twoOrMore++;
                    }
                    if (enrollment.skippedNow(user, now)) {
                        counts.skipped++;
                    }
                });
        Map<String, Object> agencies = new LinkedHashMap<>();
        byOri.forEach((ori, counts) -> {
            Optional<LocalDate> since = enrollment.enforcedSince(NO_ORI.equals(ori) ? null : ori);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("users", counts.users);
            row.put("methods0", counts.none);
            row.put("methods1", counts.one);
            row.put("methods2OrMore", counts.twoOrMore);
            row.put("skippedNow", counts.skipped);
            row.put("enforcedSince", since.map(d -> d.equals(LocalDate.MIN) ? "always" : d.toString()).orElse(null));
            agencies.put(ori, row);
        });
        return Map.of("agencies", agencies);
    }

    private static final class Counts {
        int users;
        int none;
        int one;
        int twoOrMore;
        int skipped;
    }
}
