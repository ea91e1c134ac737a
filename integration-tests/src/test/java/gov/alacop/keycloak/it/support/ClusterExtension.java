package gov.alacop.keycloak.it.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link Cluster} per test JVM (closed when the run ends) and hands it to the tests; before each test
 * both nodes are up, in one view, and behind the balancer. Runs on PostgreSQL only: H2's file database cannot be
 * shared by two processes.
 */
final class ClusterExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    static Cluster cluster(ExtensionContext context) {
        Assumptions.assumeTrue("postgres".equals(ItSettings.db()),
                "the cluster tests need PostgreSQL (-Dalacop.it.db=postgres): two nodes share one database");
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(),
                Cluster.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster(context).awaitHealthy();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }
}
