package gov.alacop.keycloak.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system properties the build hands to the integration tests (see integration-tests/pom.xml).
 * The executions on older Keycloak minors (profile {@code other-minors}) pass their home, version, database and
 * output folder as {@value #MINOR_PREFIX}&lt;name&gt;: a {@code -D} on Maven's command line reaches every test JVM and
 * wins over the POM's values, so e.g. {@code -Dalacop.it.db.url=...} for the main run must not move a minor onto the
 * main run's database or {@code -Dalacop.it.keycloak.home=...} onto its distribution.
 */
public final class ItSettings {

    private static final String MINOR_PREFIX = "alacop.it.minor.";

    private ItSettings() {
    }

    public static Path projectDir() {
        return Path.of(required("alacop.project.dir")).toAbsolutePath().normalize();
    }

    public static Path keycloakHome() {
        return Path.of(required("alacop.it.keycloak.home", "keycloak.home"));
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
        String minor = System.getProperty(MINOR_PREFIX + "output");
        return Path.of(minor != null ? minor : System.getProperty("alacop.it.output", "target"));
    }

    public static String keycloakVersion() {
        return required("alacop.keycloak.version", "keycloak.version");
    }

    /** True when the Keycloak under test is {@code major.minor} or newer, for a test of a feature older minors lack. */
    public static boolean keycloakAtLeast(int major, int minor) {
        String[] parts = keycloakVersion().split("\\.");
        int actualMajor = Integer.parseInt(parts[0]);
        return actualMajor > major || actualMajor == major && Integer.parseInt(parts[1]) >= minor;
    }

    /** What this test JVM runs, for its summary line: "main run", or "smoke" on an older minor. */
    public static String suite() {
        return System.getProperty(MINOR_PREFIX + "suite", System.getProperty("alacop.it.suite", "tests"));
    }

    public static String db() {
        return System.getProperty("alacop.it.db", "dev-file");
    }

    public static String dbUrl() {
        return required("alacop.it.db.url", "db.url");
    }

    public static String dbUsername() {
        return required("alacop.it.db.username");
    }

    public static String dbPassword() {
        return required("alacop.it.db.password");
    }

    /** The older minor's value ({@value #MINOR_PREFIX}{@code minorName}) in its JVM, else {@code name}'s. */
    private static String required(String name, String minorName) {
        String minor = System.getProperty(MINOR_PREFIX + minorName);
        return minor != null && !minor.isBlank() ? minor : required(name);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven.");
        }
        return value;
    }
}
