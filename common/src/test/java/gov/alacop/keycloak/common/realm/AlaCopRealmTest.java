package gov.alacop.keycloak.common.realm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The AlaCOP realm's UPN domain")
class AlaCopRealmTest {

    @Test
    @DisplayName("is the configured domain, stripped")
    void configured() {
        assertThat(AlaCopRealm.upnDomain(" agency.example.gov ")).isEqualTo("agency.example.gov");
    }

    @Test
    @DisplayName("is alacop.gov when the identifier step sets none")
    void fallback() {
        assertThat(AlaCopRealm.upnDomain((String) null)).isEqualTo("alacop.gov");
        assertThat(AlaCopRealm.upnDomain("  ")).isEqualTo("alacop.gov");
    }
}
