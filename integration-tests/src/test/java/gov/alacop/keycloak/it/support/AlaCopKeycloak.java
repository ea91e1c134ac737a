package gov.alacop.keycloak.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the shared Keycloak of this JVM (started on first use). Test methods and
 * constructors can take {@link KeycloakServer}, {@link RealmAdmin}, {@link TestApplication} and {@link Browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakExtension.class)
@ExtendWith(BrowserExtension.class)
public @interface AlaCopKeycloak {
}
