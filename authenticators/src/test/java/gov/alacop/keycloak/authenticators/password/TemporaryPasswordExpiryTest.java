package gov.alacop.keycloak.authenticators.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.credential.PasswordCredentialModel;

@DisplayName("The expiry kept on a temporary password credential")
class TemporaryPasswordExpiryTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-02T12:00:00Z");

    private static PasswordCredentialModel argon2Password() {
        PasswordCredentialModel password = PasswordCredentialModel.createFromValues("argon2", new byte[16], 5,
                Map.of("memory", List.of("7168"), "type", List.of("id")), "c2VjcmV0");
        password.setCreatedDate(1_000L);
        return password;
    }

    @Test
    @DisplayName("is added without touching the hash parameters or the secret")
    void keepsEverythingElse() {
        PasswordCredentialModel plain = argon2Password();
        String secret = plain.getSecretData();
        PasswordCredentialModel marked = TemporaryPasswordExpiry.withExpiry(plain, EXPIRES);

        assertThat(TemporaryPasswordExpiry.expiresAt(marked)).contains(EXPIRES);
        assertThat(marked.getPasswordCredentialData().getAlgorithm()).isEqualTo("argon2");
        assertThat(marked.getPasswordCredentialData().getHashIterations()).isEqualTo(5);
        assertThat(marked.getPasswordCredentialData().getAdditionalParameters())
                .containsEntry("memory", List.of("7168")).containsEntry("type", List.of("id"));
        assertThat(marked.getSecretData()).isEqualTo(secret);
        assertThat(marked.getCreatedDate()).isEqualTo(1_000L);
    }

    @Test
    @DisplayName("expires exactly at the recorded instant, not a second earlier")
    void boundary() {
        PasswordCredentialModel marked = TemporaryPasswordExpiry.withExpiry(argon2Password(), EXPIRES);
        assertThat(TemporaryPasswordExpiry.isExpired(marked, EXPIRES.minusSeconds(1))).isFalse();
        assertThat(TemporaryPasswordExpiry.isExpired(marked, EXPIRES)).isTrue();
    }

    @Test
    @DisplayName("an ordinary password never expires, nor does a missing one")
    void ordinary() {
        assertThat(TemporaryPasswordExpiry.isExpired(argon2Password(), Instant.MAX)).isFalse();
        assertThat(TemporaryPasswordExpiry.isExpired(null, Instant.MAX)).isFalse();
    }
}
