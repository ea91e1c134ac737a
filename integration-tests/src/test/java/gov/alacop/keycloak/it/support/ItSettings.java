package gov.alacop.keycloak.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The system properties the build hands to the integration tests (see integration-tests/pom.xml). */
public final class ItSettings {

    private ItSettings() {
    }

    public static Path projectDir() {
        return Path.of(required("alacop.project.dir")).toAbsolutePath().normalize();
    }

    public static Path keycloakHome() {
        return Path.of(required("alacop.it.keycloak.home"));
    }

    public static Path providersDir() {
        Path dir = Path.of(required("alacop.it.providers"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No bundle at " + dir + ": build it first (mvn verify builds it).");
        }
        return dir;
    }

    /** target/ of the integration-test module: logs and screenshots go below it. */
    public static Path outputDir() {
        return Path.of(System.getProperty("alacop.it.output", "target"));
    }

    public static String keycloakVersion() {
        return required("alacop.keycloak.version");
    }

    public static String db() {
        return System.getProperty("alacop.it.db", "dev-file");
    }

    public static String dbUrl() {
        return required("alacop.it.db.url");
    }

    public static String dbUsername() {
        return required("alacop.it.db.username");
    }

    public static String dbPassword() {
        return required("alacop.it.db.password");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven.");
        }
        return value;
    }
}
