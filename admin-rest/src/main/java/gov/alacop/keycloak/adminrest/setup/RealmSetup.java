package gov.alacop.keycloak.adminrest.setup;

import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Plans what brings an existing realm to what AlaCOP needs, taken from the shipped realm file: step settings and
 * flows, their bindings, required actions, realm settings, the user profile and, for the clients named, the token
 * claims. It never touches users, credentials, other clients, identity providers, groups, roles or other flows.
 */
final class RealmSetup {

    private RealmSetup() {
    }

    static SetupPlan plan(KeycloakSession session, RealmModel realm, List<ClientModel> clients) {
        ShippedRealm shipped = ShippedRealm.load();
        SetupPlan plan = new SetupPlan();
        new FlowSetup(realm, shipped, plan).plan();
        new RequiredActionsSetup(realm, shipped, plan).plan();
        new SettingsSetup(session, realm, shipped, plan).plan();
        new UserProfileSetup(session, shipped, plan).plan();
        new ClaimsSetup(clients, shipped, plan).plan();
        if (!plan.changes().isEmpty() && PreviousSettings.read(realm) == null) {
            // Before anything changes: what the undo puts back.
            PreviousSettings previous = PreviousSettings.of(realm);
            plan.changes().add(0, new SetupPlan.Change("record of the previous settings (for the undo)",
                    SetupPlan.NONE, previous.describe(), () -> previous.save(realm)));
        }
        return plan;
    }
}
