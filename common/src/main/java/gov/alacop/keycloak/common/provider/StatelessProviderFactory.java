package gov.alacop.keycloak.common.provider;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory that holds nothing: no server-wide options to read, nothing to wire after start, nothing to close. Its
 * providers keep their state in Keycloak's stores (realm settings, sessions, credentials), never in the factory.
 * Factories that build clients (the AWS senders) implement the life cycle themselves.
 */
public abstract class StatelessProviderFactory<T extends Provider> implements ProviderFactory<T> {

    private final String id;

    protected StatelessProviderFactory(String id) {
        this.id = id;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
