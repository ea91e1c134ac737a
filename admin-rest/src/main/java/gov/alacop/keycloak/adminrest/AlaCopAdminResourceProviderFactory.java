package gov.alacop.keycloak.adminrest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import gov.alacop.keycloak.common.provider.StatelessProviderFactory;

/** Mounts {@link AlaCopAdminResource} at {@code /admin/realms/{realm}/alacop}. */
public final class AlaCopAdminResourceProviderFactory extends StatelessProviderFactory<AdminRealmResourceProvider>
        implements AdminRealmResourceProviderFactory {

    private static final AlaCopAdminResourceProvider PROVIDER = new AlaCopAdminResourceProvider();

    public static final String ID = "alacop";

    public AlaCopAdminResourceProviderFactory() {
        super(ID);
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
    }
}
