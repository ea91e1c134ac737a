package gov.alacop.keycloak.adminrest.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SetupPlanTest {

    @Test
    void aDryRunDescribesWithoutApplying() {
        List<String> applied = new ArrayList<>();
        SetupPlan plan = new SetupPlan();
        plan.change("login theme", "keycloak", "alacop", () -> applied.add("theme"));
        plan.kept("password policy: length", 16, 14, "the realm's value is stricter");
        plan.conflict("user-profile attribute 'ori'", "defined by the realm", "AlaCOP's definition", "kept");

        assertThat(plan.toText("agency", "setup", true)).isEqualTo("""
                AlaCOP setup of realm 'agency' (dry run: nothing changed)
                1 change, 1 kept, 1 conflict
                  change    login theme: keycloak -> alacop
                  kept      password policy: length: 16 (AlaCOP: 14; the realm's value is stricter)
                  CONFLICT  user-profile attribute 'ori': defined by the realm (AlaCOP: AlaCOP's definition; kept)
                """);
        Map<String, Object> json = plan.toJson("agency", "setup", true);
        assertThat(json).containsEntry("dryRun", true).containsEntry("applied", false);
        assertThat(json.get("changes")).isEqualTo(List.of(Map.of("what", "login theme", "before", "keycloak",
                "after", "alacop")));
        assertThat(applied).isEmpty();

        plan.apply();
        assertThat(applied).containsExactly("theme");
        assertThat(plan.toJson("agency", "setup", false)).containsEntry("applied", true);
    }

    @Test
    void missingValuesReadAsNone() {
        SetupPlan plan = new SetupPlan();
        plan.change("password policy", "", null, () -> { });
        assertThat(plan.toText("bare", "setup", false)).contains("  change    password policy: (none) -> (none)")
                .startsWith("AlaCOP setup of realm 'bare' (applied)");
        assertThat(new SetupPlan().toText("bare", "undo", false)).startsWith("AlaCOP undo of realm 'bare' (nothing to change)")
                .contains("0 changes, 0 kept, 0 conflicts");
    }
}
