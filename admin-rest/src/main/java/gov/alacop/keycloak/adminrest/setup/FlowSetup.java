package gov.alacop.keycloak.adminrest.setup;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.AbstractAuthenticationExecutionRepresentation;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

/**
 * AlaCOP's flows, the settings of their steps and the realm's flow bindings. A flow whose steps differ from the
 * shipped ones is rebuilt (its model and id stay, so bindings and client overrides keep pointing at it). A step
 * setting the realm already has keeps the realm's value (an agency's UPN domain, help-desk text ...): only missing
 * settings are added. Flows that are not AlaCOP's are never touched.
 */
final class FlowSetup {

    static final String BROWSER = "browser flow binding";
    static final String RESET = "reset-credentials flow binding";
    static final String DIRECT_GRANT = "direct-grant flow binding";

    private final RealmModel realm;
    private final ShippedRealm shipped;
    private final SetupPlan plan;

    FlowSetup(RealmModel realm, ShippedRealm shipped, SetupPlan plan) {
        this.realm = realm;
        this.shipped = shipped;
        this.plan = plan;
    }

    void plan() {
        shipped.authenticatorConfigs().forEach(this::planConfig);
        shipped.flows().forEach(this::planFlow);
        planBinding(BROWSER, realm.getBrowserFlow(), shipped.realm().getBrowserFlow(), realm::setBrowserFlow);
        planBinding(RESET, realm.getResetCredentialsFlow(), shipped.realm().getResetCredentialsFlow(),
                realm::setResetCredentialsFlow);
        planBinding(DIRECT_GRANT, realm.getDirectGrantFlow(), shipped.realm().getDirectGrantFlow(),
                realm::setDirectGrantFlow);
        reportClientOverrides();
    }

    /**
     * A client that overrides the browser or direct-grant flow does not use the realm's bindings: its sign-ins skip
     * AlaCOP's pages, or its password grants skip AlaCOP's refusal. The setup does not touch clients, so it says so.
     */
    private void reportClientOverrides() {
        realm.getClientsStream().forEach(client -> {
            for (String binding : List.of("browser", "direct_grant")) {
                String flowId = client.getAuthenticationFlowBindingOverride(binding);
                AuthenticationFlowModel flow = flowId == null ? null : realm.getAuthenticationFlowById(flowId);
                if (flow != null && !flow.getAlias().startsWith(ShippedRealm.PREFIX + " ")) {
                    plan.conflict("client '" + client.getClientId() + "': " + binding.replace('_', '-')
                            + " flow override", flow.getAlias(), "the realm's binding",
                            binding.equals("browser") ? "its sign-ins do not go through AlaCOP's pages"
                                    : "its password grants are not refused; remove the override in the admin console");
                }
            }
        });
    }

    private void planConfig(AuthenticatorConfigRepresentation wanted) {
        String what = "step settings '" + wanted.getAlias() + "'";
        AuthenticatorConfigModel existing = realm.getAuthenticatorConfigByAlias(wanted.getAlias());
        Map<String, String> wantedConfig = wanted.getConfig() == null ? Map.of() : wanted.getConfig();
        if (existing == null) {
            plan.change(what, null, describe(wantedConfig), () -> {
                AuthenticatorConfigModel model = new AuthenticatorConfigModel();
                model.setAlias(wanted.getAlias());
                model.setConfig(new LinkedHashMap<>(wantedConfig));
                realm.addAuthenticatorConfig(model);
            });
            return;
        }
        Map<String, String> current = existing.getConfig() == null ? Map.of() : existing.getConfig();
        Map<String, String> missing = new LinkedHashMap<>();
        wantedConfig.forEach((key, value) -> {
            if (!current.containsKey(key)) {
                missing.put(key, value);
            }
        });
        if (!missing.isEmpty()) {
            plan.change(what, describe(current), "adds " + describe(missing), () -> {
                AuthenticatorConfigModel model = realm.getAuthenticatorConfigByAlias(wanted.getAlias());
                Map<String, String> config = new LinkedHashMap<>(model.getConfig() == null ? Map.of() : model.getConfig());
                config.putAll(missing);
                model.setConfig(config);
                realm.updateAuthenticatorConfig(model);
            });
        }
    }

    private void planFlow(AuthenticationFlowRepresentation wanted) {
        String what = "flow '" + wanted.getAlias() + "'";
        String after = describeWanted(wanted);
        AuthenticationFlowModel existing = realm.getFlowByAlias(wanted.getAlias());
        String before = existing == null ? null : describeExisting(existing);
        if (after.equals(before) && existing.isTopLevel() == wanted.isTopLevel()) {
            return;
        }
        plan.change(what, before, after, () -> {
            AuthenticationFlowModel flow = flowModel(wanted.getAlias());
            flow.setTopLevel(wanted.isTopLevel());
            flow.setDescription(wanted.getDescription());
            realm.updateAuthenticationFlow(flow);
            realm.getAuthenticationExecutionsStream(flow.getId()).toList()
                    .forEach(realm::removeAuthenticatorExecution);
            for (AuthenticationExecutionExportRepresentation step : wanted.getAuthenticationExecutions()) {
                AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
                execution.setParentFlow(flow.getId());
                execution.setRequirement(AuthenticationExecutionModel.Requirement.valueOf(step.getRequirement()));
                execution.setPriority(step.getPriority());
                if (step.isAuthenticatorFlow()) {
                    execution.setAuthenticatorFlow(true);
                    execution.setFlowId(flowModel(step.getFlowAlias()).getId());
                } else {
                    execution.setAuthenticator(step.getAuthenticator());
                }
                if (step.getAuthenticatorConfig() != null) {
                    execution.setAuthenticatorConfig(
                            realm.getAuthenticatorConfigByAlias(step.getAuthenticatorConfig()).getId());
                }
                realm.addAuthenticatorExecution(execution);
            }
        });
    }

    /** The flow of that alias, created (empty) when missing; subflows may be referenced before their own change. */
    private AuthenticationFlowModel flowModel(String alias) {
        AuthenticationFlowModel flow = realm.getFlowByAlias(alias);
        if (flow != null) {
            return flow;
        }
        AuthenticationFlowRepresentation wanted = shipped.flow(alias)
                .orElseThrow(() -> new IllegalStateException("The shipped realm has no flow " + alias));
        AuthenticationFlowModel model = new AuthenticationFlowModel();
        model.setAlias(alias);
        model.setDescription(wanted.getDescription());
        model.setProviderId(wanted.getProviderId());
        model.setTopLevel(wanted.isTopLevel());
        model.setBuiltIn(false);
        return realm.addAuthenticationFlow(model);
    }

    private void planBinding(String what, AuthenticationFlowModel current, String wantedAlias,
            java.util.function.Consumer<AuthenticationFlowModel> bind) {
        String before = current == null ? null : current.getAlias();
        if (Objects.equals(before, wantedAlias)) {
            return;
        }
        plan.change(what, before, wantedAlias, () -> bind.accept(realm.getFlowByAlias(wantedAlias)));
    }

    private String describeExisting(AuthenticationFlowModel flow) {
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .sorted(Comparator.comparingInt(AuthenticationExecutionModel::getPriority))
                .map(e -> step(e.isAuthenticatorFlow() ? flowAlias(e.getFlowId()) : null, e.getAuthenticator(),
                        e.getRequirement().name(), e.getPriority(), configAlias(e.getAuthenticatorConfig())))
                .collect(Collectors.joining("; "));
    }

    private static String describeWanted(AuthenticationFlowRepresentation flow) {
        List<AuthenticationExecutionExportRepresentation> steps = flow.getAuthenticationExecutions().stream()
                .sorted(Comparator.comparingInt(AbstractAuthenticationExecutionRepresentation::getPriority)).toList();
        return steps.stream().map(s -> step(s.isAuthenticatorFlow() ? s.getFlowAlias() : null, s.getAuthenticator(),
                s.getRequirement(), s.getPriority(), s.getAuthenticatorConfig())).collect(Collectors.joining("; "));
    }

    private static String step(String subflow, String authenticator, String requirement, int priority, String config) {
        String name = subflow != null ? "flow '" + subflow + "'" : authenticator;
        return name + " " + requirement + " @" + priority + (config == null ? "" : " [" + config + "]");
    }

    private String flowAlias(String flowId) {
        AuthenticationFlowModel flow = flowId == null ? null : realm.getAuthenticationFlowById(flowId);
        return flow == null ? "?" : flow.getAlias();
    }

    private String configAlias(String configId) {
        if (configId == null) {
            return null;
        }
        AuthenticatorConfigModel config = realm.getAuthenticatorConfigById(configId);
        return config == null ? null : config.getAlias();
    }

    /** Step settings hold no secrets (URLs, texts, numbers); long values are shortened for the plan. */
    static String describe(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + shorten(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String shorten(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
