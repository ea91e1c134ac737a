package gov.alacop.keycloak.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;

@AlaCopKeycloak
@Tag("smoke")
@DisplayName("The packaged bundle in a stock Keycloak")
class BundleLoadedIT {

    /** Every provider the bundle declares, as Keycloak lists it: SPI id -> provider id. */
    static final Map<String, List<String>> EXPECTED_PROVIDERS = Map.of(
            "authenticator", List.of("alacop-identifier", "alacop-password", "alacop-second-factor",
                    "alacop-reset-identifier", "alacop-reset-proofs", "alacop-reset-password"),
            "password-policy", List.of("alacopMinPasswordAge", "alacopVisibleCharacters"),
            "password-policy-manager", List.of("alacop-ordered"),
            "admin-realm-restapi-extension", List.of("alacop"),
            "message-sender", List.of("log", "aws-sns", "aws-voice"),
            // keycloak-otp replaces Keycloak's own (same id) to answer "removeable" from the two-method rule.
            "credential", List.of("alacop-phone", "alacop-security-questions", "keycloak-otp"),
            "required-action", List.of("UPDATE_PASSWORD", "alacop-phone-setup", "alacop-security-questions-setup",
                    "alacop-stay-signed-in", "alacop-mfa-enrollment",
                    // Replaces Keycloak's own (same id): refuses removing a method below two while enforced.
                    "delete_credential",
                    // Replaces Keycloak's own (same id): the app setup keeps its secret on the server.
                    "CONFIGURE_TOTP"),
            // Replaces Keycloak's own login-forms factory (same id) to prepare the sign-out pages' data.
            "login", List.of("freemarker"),
            "protocol-mapper", List.of("alacop-upn-mapper", "alacop-amr-mapper"));

    @Test
    @DisplayName("server info lists every provider of the bundle and the alacop login theme")
    void everyProviderIsLoaded(KeycloakServer server, RealmAdmin admin) throws IOException {
        JsonPath info = given().auth().oauth2(admin.accessToken())
                .get(server.baseUrl() + "/admin/serverinfo")
                .then().statusCode(200).extract().jsonPath();

        int declared = 0;
        for (Map.Entry<String, List<String>> spi : EXPECTED_PROVIDERS.entrySet()) {
            Map<String, Object> loaded = info.getMap("providers." + spi.getKey() + ".providers");
            assertThat(loaded).as("providers of SPI %s", spi.getKey()).containsKeys(spi.getValue().toArray(String[]::new));
            declared += spi.getValue().size();
        }
        // The list above must cover every factory registered in the bundle's JARs.
        assertThat(declaredFactories()).hasSize(declared);

        List<String> loginThemes = info.getList("themes.login.name");
        assertThat(loginThemes).contains("alacop");
        assertThat(info.getString("systemInfo.version")).isEqualTo(ItSettings.keycloakVersion());
    }

    @Test
    @DisplayName("the bundle holds no JAR of Keycloak itself")
    void noKeycloakJarsInBundle() throws IOException {
        try (Stream<Path> jars = Files.list(ItSettings.providersDir())) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(name).doesNotStartWith("keycloak-"));
        }
    }

    /** Factory classes listed in META-INF/services of every JAR of the bundle. */
    static List<String> declaredFactories() throws IOException {
        List<String> factories = new ArrayList<>();
        try (Stream<Path> jars = Files.list(ItSettings.providersDir())) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("alacop-")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    // org.keycloak.provider.Spi declares an SPI (message-sender), not a provider.
                    var entries = file.stream().filter(e -> e.getName().startsWith("META-INF/services/") && !e.isDirectory()
                            && !e.getName().endsWith("/org.keycloak.provider.Spi")).toList();
                    for (var entry : entries) {
                        String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                                .forEach(factories::add);
                    }
                }
            }
        }
        return factories;
    }
}
