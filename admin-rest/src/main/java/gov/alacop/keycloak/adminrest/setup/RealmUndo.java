package gov.alacop.keycloak.adminrest.setup;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

import gov.alacop.keycloak.common.setup.PasswordPolicyMerge;

/**
 * Plans the undo of the setup: the flows, theme and password policy the realm had before (Keycloak's built-in flows
 * and theme when it has no record, e.g. a realm imported from the shipped file), the bundle's rules out of the
 * password policy (a Keycloak without the bundle cannot load a realm that uses them), AlaCOP's required actions
 * disabled and its token mappers removed. Officers keep their credentials and attributes; AlaCOP's flows stay,
 * unbound, so that a new setup finds them. Only bindings that still point at AlaCOP's are moved: an undo run twice
 * plans nothing.
 */
final class RealmUndo {

    private static final String KEYCLOAK_BROWSER = "browser";
    private static final String KEYCLOAK_RESET = "reset credentials";
    private static final String KEYCLOAK_DIRECT_GRANT = "direct grant";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SetupPlan plan = new SetupPlan();

    private RealmUndo(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    static SetupPlan plan(KeycloakSession session, RealmModel realm) {
        RealmUndo undo = new RealmUndo(session, realm);
        undo.planAll();
        return undo.plan;
    }

    private void planAll() {
        PreviousSettings previous = PreviousSettings.read(realm);
        planBinding(FlowSetup.BROWSER, realm.getBrowserFlow(), previous == null ? null : previous.browserFlow(),
                KEYCLOAK_BROWSER, realm::setBrowserFlow);
        planBinding(FlowSetup.RESET, realm.getResetCredentialsFlow(),
                previous == null ? null : previous.resetCredentialsFlow(), KEYCLOAK_RESET,
                realm::setResetCredentialsFlow);
        planBinding(FlowSetup.DIRECT_GRANT, realm.getDirectGrantFlow(),
                previous == null ? null : previous.directGrantFlow(), KEYCLOAK_DIRECT_GRANT, realm::setDirectGrantFlow);
        if (isOurs(realm.getLoginTheme())) {
            String theme = previous == null || isOurs(previous.loginTheme()) ? null : previous.loginTheme();
            plan.change(SettingsSetup.LOGIN_THEME, realm.getLoginTheme(), theme == null ? "(Keycloak's default)" : theme,
                    () -> realm.setLoginTheme(theme));
        }
        planPasswordPolicy(previous);
        if (previous != null) {
            planFlag(SettingsSetup.RESET_ALLOWED, realm::isResetPasswordAllowed, previous.resetPasswordAllowed(),
                    realm::setResetPasswordAllowed);
            planFlag(SettingsSetup.REMEMBER_ME, realm::isRememberMe, previous.rememberMe(), realm::setRememberMe);
        }
        realm.getRequiredActionProvidersStream()
                .filter(action -> action.getProviderId().startsWith(ShippedRealm.PREFIX + "-") && action.isEnabled())
                .toList()
                .forEach(action -> plan.change("required action '" + action.getAlias() + "'", "enabled", "disabled",
                        () -> {
                            RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(action.getAlias());
                            model.setEnabled(false);
                            realm.updateRequiredActionProvider(model);
                        }));
        realm.getClientsStream().forEach(client -> client.getProtocolMappersStream()
                .filter(mapper -> mapper.getProtocolMapper().startsWith(ShippedRealm.PREFIX + "-")).toList()
                .forEach(mapper -> plan.change("client '" + client.getClientId() + "': token mapper '"
                        + mapper.getName() + "'", mapper.getProtocolMapper(), "removed", () -> {
                            ProtocolMapperModel model = realm.getClientById(client.getId())
                                    .getProtocolMapperById(mapper.getId());
                            if (model != null) {
                                realm.getClientById(client.getId()).removeProtocolMapper(model);
                            }
                        })));
        if (previous != null || realm.getAttribute(PreviousSettings.ATTRIBUTE) != null) {
            plan.change("record of the previous settings", previous == null ? "unreadable" : previous.describe(),
                    "removed", () -> realm.removeAttribute(PreviousSettings.ATTRIBUTE));
        }
    }

    private void planBinding(String what, AuthenticationFlowModel current, String previousAlias, String keycloakAlias,
            Consumer<AuthenticationFlowModel> bind) {
        if (current == null || !isOurFlow(current.getAlias())) {
            return;
        }
        String target = previousAlias != null && !isOurFlow(previousAlias) && realm.getFlowByAlias(previousAlias) != null
                ? previousAlias : keycloakAlias;
        if (realm.getFlowByAlias(target) == null) {
            plan.conflict(what, current.getAlias(), target, "the realm has no flow '" + target
                    + "' to go back to; bind one in the admin console, then undo again");
            return;
        }
        plan.change(what, current.getAlias(), target, () -> bind.accept(realm.getFlowByAlias(target)));
    }

    private void planPasswordPolicy(PreviousSettings previous) {
        String current = PasswordPolicyMerge.normalize(realm.getPasswordPolicy() == null ? null
                : realm.getPasswordPolicy().toString());
        String target = PasswordPolicyMerge.withoutBundleRules(previous == null ? current : previous.passwordPolicy());
        if (!current.equals(target)) {
            plan.change(SettingsSetup.PASSWORD_POLICY, current, target,
                    () -> realm.setPasswordPolicy(PasswordPolicy.parse(session, target)));
        }
    }

    private void planFlag(String what, Supplier<Boolean> current, boolean target, Consumer<Boolean> set) {
        if (!Objects.equals(current.get(), target)) {
            plan.change(what, SettingsSetup.onOff(current.get()), SettingsSetup.onOff(target), () -> set.accept(target));
        }
    }

    private static boolean isOurFlow(String alias) {
        return alias != null && alias.startsWith(ShippedRealm.PREFIX + " ");
    }

    private static boolean isOurs(String theme) {
        return ShippedRealm.PREFIX.equals(theme);
    }
}
