package gov.alacop.keycloak.adminrest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts {@link AlaCopAdminResource} at {@code /admin/realms/{realm}/alacop}. */
public final class AlaCopAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    private static final AlaCopAdminResourceProvider PROVIDER = new AlaCopAdminResourceProvider();

    public static final String ID = "alacop";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
        // no server-wide options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }
}
