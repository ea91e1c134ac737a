package gov.alacop.keycloak.common.messaging;

import java.util.function.Supplier;

import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One AWS client per server, owned by a provider factory: built on first use rather than in postInit, so that a
 * server without AWS credentials (development, or a realm that only uses the app) starts and only sending fails;
 * closed with the factory.
 */
final class LazyClient<T extends SdkAutoCloseable> implements Supplier<T> {

    private final Supplier<T> builder;
    private volatile T client;

    LazyClient(Supplier<T> builder) {
        this.builder = builder;
    }

    @Override
    public T get() {
        T current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = builder.get();
                }
                current = client;
            }
        }
        return current;
    }

    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
