package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * There is no Docker engine on the build machines, so docker-compose.yml is checked rather than run: it must use
 * the stock image of the Keycloak version the tests run, and mount only what the build produces.
 */
@DisplayName("docker-compose.yml")
class DockerComposeFileIT {

    private static final Path PROJECT = Path.of(System.getProperty("alacop.project.dir", "..")).toAbsolutePath().normalize();

    private final JsonNode compose = read();

    @Test
    @DisplayName("runs the stock Keycloak image of the version in the pom")
    void imageMatchesPom() {
        assertThat(compose.at("/services/keycloak/image").asText())
                .isEqualTo("quay.io/keycloak/keycloak:" + System.getProperty("alacop.keycloak.version"));
    }

    @Test
    @DisplayName("mounts the bundle into /opt/keycloak/providers and imports the production realm")
    void mountsBundleAndRealm() {
        assertThat(mounts()).contains(
                "./distribution/target/providers:/opt/keycloak/providers:ro",
                "./realm-export/alacop-realm.json:/opt/keycloak/data/import/alacop-realm.json:ro");
        assertThat(compose.at("/services/keycloak/command").toString()).contains("--import-realm");
    }

    @Test
    @DisplayName("every path it mounts from the project exists after the build")
    void mountedPathsExist() throws IOException {
        for (String mount : mounts()) {
            Path source = PROJECT.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
            assertThat(source).as("mounted by docker-compose.yml").exists();
            if (Files.isDirectory(source)) {
                try (var files = Files.list(source)) {
                    assertThat(files.filter(p -> p.toString().endsWith(".jar")).count())
                            .as("JARs in %s", source).isPositive();
                }
            }
        }
    }

    @Test
    @DisplayName("has no default administrator or database password: compose refuses to start without them")
    void secretsComeFromTheEnvironment() {
        JsonNode env = compose.at("/services/keycloak/environment");
        assertThat(env.path("KC_BOOTSTRAP_ADMIN_PASSWORD").asText()).matches("\\$\\{KC_BOOTSTRAP_ADMIN_PASSWORD:\\?.+}");
        assertThat(env.path("KC_DB_PASSWORD").asText()).matches("\\$\\{KC_DB_PASSWORD:\\?.+}");
        assertThat(compose.at("/services/postgres/environment/POSTGRES_PASSWORD").asText())
                .matches("\\$\\{KC_DB_PASSWORD:\\?.+}");
        assertThat(text()).doesNotContain("admin / admin").doesNotContainPattern("PASSWORD: *(admin|keycloak)\\s");
    }

    @Test
    @DisplayName("uses a strict, configured hostname and says how TLS is terminated")
    void hostnameAndTls() {
        JsonNode env = compose.at("/services/keycloak/environment");
        assertThat(env.path("KC_HOSTNAME_STRICT").asText()).isEqualTo("true");
        assertThat(env.path("KC_HOSTNAME").asText()).matches("\\$\\{KC_HOSTNAME:\\?.+}");
        assertThat(env.path("KC_PROXY_HEADERS").asText()).isEqualTo("xforwarded");
        assertThat(text()).contains("TLS:").contains("terminates TLS");
    }

    private static String text() {
        try {
            return Files.readString(PROJECT.resolve("docker-compose.yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> mounts() {
        List<String> mounts = new ArrayList<>();
        compose.at("/services/keycloak/volumes").forEach(v -> mounts.add(v.asText()));
        return mounts;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
