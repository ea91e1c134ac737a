package gov.alacop.keycloak.themes.signout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An account on the sign-out pages")
class AccountTest {

    @Test
    @DisplayName("shows the officer's name and username@domain")
    void nameAndUpn() {
        assertThat(Account.of("Clark", "Kent", "ck4321", "alacop.gov")).isEqualTo(new Account("Clark Kent", "ck4321@alacop.gov"));
    }

    @Test
    @DisplayName("falls back to the UPN when the account has no name")
    void noName() {
        assertThat(Account.of(null, " ", "CK4321", "alacop.gov")).isEqualTo(new Account("ck4321@alacop.gov", "ck4321@alacop.gov"));
    }

    @Test
    @DisplayName("keeps a username that already is an address")
    void usernameIsAddress() {
        assertThat(Account.of("Lois", null, "lois@example.org", "alacop.gov").upn()).isEqualTo("lois@example.org");
    }
}
