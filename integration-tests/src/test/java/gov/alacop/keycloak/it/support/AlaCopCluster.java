package gov.alacop.keycloak.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the two-node cluster of this JVM behind HAProxy (started on first use, PostgreSQL
 * runs only). Test methods can take {@link Cluster} and {@link Browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterExtension.class)
@ExtendWith(BrowserExtension.class)
public @interface AlaCopCluster {
}
