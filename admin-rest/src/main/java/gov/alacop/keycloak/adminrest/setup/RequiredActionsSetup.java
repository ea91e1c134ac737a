package gov.alacop.keycloak.adminrest.setup;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

/**
 * AlaCOP's required actions registered, enabled, at the shipped priority (after Keycloak's own actions, "Stay signed
 * in?" last) with their settings; and the Keycloak actions the journeys use (Configure OTP, Update Password) enabled.
 * Settings the realm already has keep their values; missing ones are added.
 */
final class RequiredActionsSetup {

    private final RealmModel realm;
    private final ShippedRealm shipped;
    private final SetupPlan plan;

    RequiredActionsSetup(RealmModel realm, ShippedRealm shipped, SetupPlan plan) {
        this.realm = realm;
        this.shipped = shipped;
        this.plan = plan;
    }

    void plan() {
        for (RequiredActionProviderRepresentation wanted : shipped.requiredActions()) {
            planAction(wanted);
            if (wanted.getConfig() != null && !wanted.getConfig().isEmpty()) {
                planConfig(wanted);
            }
        }
    }

    private void planAction(RequiredActionProviderRepresentation wanted) {
        String what = "required action '" + wanted.getAlias() + "'";
        RequiredActionProviderModel existing = realm.getRequiredActionProviderByAlias(wanted.getAlias());
        String after = describe(wanted.isEnabled(), wanted.getPriority());
        if (existing == null) {
            plan.change(what, "not registered", after, () -> {
                RequiredActionProviderModel model = new RequiredActionProviderModel();
                model.setAlias(wanted.getAlias());
                model.setName(wanted.getName());
                model.setProviderId(wanted.getProviderId());
                model.setEnabled(wanted.isEnabled());
                model.setDefaultAction(false);
                model.setPriority(wanted.getPriority());
                model.setConfig(new LinkedHashMap<>());
                realm.addRequiredActionProvider(model);
            });
            return;
        }
        if (!wanted.getProviderId().equals(existing.getProviderId())) {
            plan.conflict(what, "provider " + existing.getProviderId(), "provider " + wanted.getProviderId(),
                    "an action of this alias runs another provider; the setup does not replace it");
            return;
        }
        // Keycloak's own actions: only make sure they are enabled, their place stays the realm's.
        boolean keycloakAction = ShippedRealm.KEYCLOAK_ACTIONS_USED.contains(wanted.getAlias());
        int priority = keycloakAction ? existing.getPriority() : wanted.getPriority();
        String before = describe(existing.isEnabled(), existing.getPriority());
        if (existing.isEnabled() != wanted.isEnabled() || existing.getPriority() != priority) {
            plan.change(what, before, describe(wanted.isEnabled(), priority), () -> {
                RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(wanted.getAlias());
                model.setEnabled(wanted.isEnabled());
                model.setPriority(priority);
                realm.updateRequiredActionProvider(model);
            });
        }
    }

    private void planConfig(RequiredActionProviderRepresentation wanted) {
        String what = "required action settings '" + wanted.getAlias() + "'";
        RequiredActionConfigModel existing = realm.getRequiredActionConfigByAlias(wanted.getAlias());
        Map<String, String> current = existing == null || existing.getConfig() == null ? Map.of() : existing.getConfig();
        Map<String, String> missing = new LinkedHashMap<>();
        wanted.getConfig().forEach((key, value) -> {
            if (!current.containsKey(key)) {
                missing.put(key, value);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        plan.change(what, existing == null ? null : FlowSetup.describe(current),
                existing == null ? FlowSetup.describe(missing) : "adds " + FlowSetup.describe(missing), () -> {
                    RequiredActionConfigModel model = realm.getRequiredActionConfigByAlias(wanted.getAlias());
                    if (model == null) {
                        model = new RequiredActionConfigModel();
                        model.setAlias(wanted.getAlias());
                        model.setProviderId(wanted.getProviderId());
                    }
                    Map<String, String> config = new LinkedHashMap<>(model.getConfig() == null ? Map.of()
                            : model.getConfig());
                    config.putAll(missing);
                    model.setConfig(config);
                    realm.updateRequiredActionConfig(model);
                });
    }

    private static String describe(boolean enabled, int priority) {
        return (enabled ? "enabled" : "disabled") + ", priority " + priority;
    }
}
