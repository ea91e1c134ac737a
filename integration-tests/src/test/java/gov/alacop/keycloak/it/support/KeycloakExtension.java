package gov.alacop.keycloak.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one Keycloak (and one test application) per test JVM and hands them to the tests. */
final class KeycloakExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    /** Closed by JUnit when the whole run ends. */
    record Environment(KeycloakServer server, RealmAdmin admin, TestApplication application) implements AutoCloseable {
        @Override
        public void close() {
            application.close();
            admin.close();
            server.stop();
        }
    }

    static Environment environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Environment.class, key -> {
            KeycloakServer server = KeycloakServer.start();
            RealmAdmin admin = new RealmAdmin(server);
            TestApplication application = TestApplication.start(server, "lets");
            admin.allowRedirects("lets", application.baseUrl());
            return new Environment(server, admin, application);
        }, Environment.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == RealmAdmin.class || type == TestApplication.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        Environment environment = environment(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakServer.class) {
            return environment.server();
        }
        if (type == RealmAdmin.class) {
            return environment.admin();
        }
        return environment.application();
    }
}
