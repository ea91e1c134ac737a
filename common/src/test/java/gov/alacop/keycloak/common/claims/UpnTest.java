package gov.alacop.keycloak.common.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The UPN")
class UpnTest {

    @Test
    @DisplayName("is username@domain")
    void username() {
        assertThat(Upn.of("ck4321", "alacop.gov")).isEqualTo("ck4321@alacop.gov");
    }

    @Test
    @DisplayName("is the username itself when it already holds an @")
    void address() {
        assertThat(Upn.of("ck4321@agency.example.gov", "alacop.gov")).isEqualTo("ck4321@agency.example.gov");
    }

    @Test
    @DisplayName("is absent without a username")
    void none() {
        assertThat(Upn.of(null, "alacop.gov")).isNull();
        assertThat(Upn.of(" ", "alacop.gov")).isNull();
    }
}
