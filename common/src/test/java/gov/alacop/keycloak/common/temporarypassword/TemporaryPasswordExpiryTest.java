package gov.alacop.keycloak.common.temporarypassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.credential.PasswordCredentialModel;

@DisplayName("The mark and expiry of a temporary password credential")
class TemporaryPasswordExpiryTest {

    private static final Instant CREATED = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration VALIDITY = Duration.ofHours(72);
    private static final Instant EXPIRES = CREATED.plus(VALIDITY);

    private static PasswordCredentialModel argon2Password() {
        PasswordCredentialModel password = PasswordCredentialModel.createFromValues("argon2", new byte[16], 5,
                Map.of("memory", List.of("7168"), "type", List.of("id")), "c2VjcmV0");
        password.setCreatedDate(CREATED.toEpochMilli());
        return password;
    }

    @Test
    @DisplayName("is added without touching the hash parameters or the secret")
    void keepsEverythingElse() {
        PasswordCredentialModel plain = argon2Password();
        String secret = plain.getSecretData();
        PasswordCredentialModel marked = TemporaryPasswordExpiry.mark(plain, EXPIRES);

        assertThat(TemporaryPasswordExpiry.isTemporary(marked)).isTrue();
        assertThat(marked.getUserLabel()).isEqualTo(TemporaryPasswordExpiry.LABEL);
        assertThat(TemporaryPasswordExpiry.expiresAt(marked, VALIDITY)).contains(EXPIRES);
        assertThat(marked.getPasswordCredentialData().getAlgorithm()).isEqualTo("argon2");
        assertThat(marked.getPasswordCredentialData().getHashIterations()).isEqualTo(5);
        assertThat(marked.getPasswordCredentialData().getAdditionalParameters())
                .containsEntry("memory", List.of("7168")).containsEntry("type", List.of("id"));
        assertThat(marked.getSecretData()).isEqualTo(secret);
        assertThat(marked.getCreatedDate()).isEqualTo(CREATED.toEpochMilli());
    }

    @Test
    @DisplayName("expires exactly at creation + validity, not a second earlier")
    void boundary() {
        PasswordCredentialModel marked = TemporaryPasswordExpiry.mark(argon2Password(), EXPIRES);
        assertThat(TemporaryPasswordExpiry.isExpired(marked, VALIDITY, EXPIRES.minusSeconds(1))).isFalse();
        assertThat(TemporaryPasswordExpiry.isExpired(marked, VALIDITY, EXPIRES)).isTrue();
    }

    @Test
    @DisplayName("a re-hash keeps the label and creation time but drops the data: still temporary, same expiry")
    void survivesRehash() {
        PasswordCredentialModel rehashed = PasswordCredentialModel.createFromValues("pbkdf2-sha512", new byte[16],
                210_000, Map.of(), "b3RoZXI=");
        rehashed.setCreatedDate(CREATED.toEpochMilli());
        rehashed.setUserLabel(TemporaryPasswordExpiry.LABEL);
        assertThat(TemporaryPasswordExpiry.expiresAt(rehashed, VALIDITY)).contains(EXPIRES);
    }

    @Test
    @DisplayName("the derived expiry wins over a later one written in the data; no creation time means expired")
    void failsClosed() {
        PasswordCredentialModel marked = TemporaryPasswordExpiry.mark(argon2Password(), EXPIRES.plus(Duration.ofDays(9)));
        assertThat(TemporaryPasswordExpiry.expiresAt(marked, VALIDITY)).contains(EXPIRES);
        PasswordCredentialModel undated = TemporaryPasswordExpiry.mark(argon2Password(), EXPIRES);
        undated.setCreatedDate(null);
        assertThat(TemporaryPasswordExpiry.isExpired(undated, VALIDITY, CREATED)).isTrue();
    }

    @Test
    @DisplayName("an ordinary password is not temporary and never expires, nor does a missing one")
    void ordinary() {
        assertThat(TemporaryPasswordExpiry.isTemporary(argon2Password())).isFalse();
        assertThat(TemporaryPasswordExpiry.isExpired(argon2Password(), VALIDITY, Instant.MAX)).isFalse();
        assertThat(TemporaryPasswordExpiry.isExpired(null, VALIDITY, Instant.MAX)).isFalse();
    }

    @Test
    @DisplayName("the pattern's shape is recognised without the SSN digits: prefix, initial, 4 digits, initial")
    void pattern() {
        String prefix = "New$Alacop#";
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, "New$Alacop#k4321c")).isTrue();
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, "new$alacop#K9999Q")).isTrue();
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, "New$Alacop#ñ0420j")).isTrue();
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, "New$Alacop#k4321cc")).isFalse();
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, "New$Alacop#k432c")).isFalse();
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, "Justice#League2027")).isFalse();
        assertThat(TemporaryPasswordExpiry.followsPattern(prefix, null)).isFalse();
    }
}
