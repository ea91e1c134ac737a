package gov.alacop.keycloak.adminrest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Hands each admin request under {@code /alacop} to the root resource. */
final class AlaCopAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new AlaCopAdminResource(new AdminContext(session, realm, auth, adminEvent));
    }

    @Override
    public void close() {
        // nothing held
    }
}
