package gov.alacop.keycloak.common.questions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The hashing itself is the realm's provider (proven in the security-questions ITs inside Keycloak); here a salted
 * SHA-256 stands in for it, so that what this class adds is tested: normalization before hashing and verifying.
 */
class AnswerHasherTest {

    private final AnswerHasher hasher = new AnswerHasher(new SaltedSha256(), 1);

    private final SecurityQuestionsCredentialModel.HashedAnswer stored =
            hasher.hash(Answers.normalize("Mrs. Ada  Lovelace"));

    @ParameterizedTest(name = "\"{0}\" matches")
    @ValueSource(strings = {"Mrs. Ada Lovelace", "  mrs. ada   lovelace ", "MRS. ADA LOVELACE", "Ｍｒｓ. Ａｄａ Ｌｏｖｅｌａｃｅ"})
    @DisplayName("answers are verified regardless of case, spacing and full-width characters")
    void matches(String typed) {
        assertThat(hasher.verify(typed, stored)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" does not match")
    @ValueSource(strings = {"Mrs. Ada Lovelac", "Ada Lovelace", "", "Mrs.AdaLovelace"})
    void doesNotMatch(String typed) {
        assertThat(hasher.verify(typed, stored)).isFalse();
    }

    @ParameterizedTest(name = "[{0}] is not hashed")
    @ValueSource(strings = {"\u0301\u0301\u0301", "\u200B\u200B\u200B", "ab", "a\u0301\u0301\u0301"})
    @DisplayName("an answer that breaks the rule once normalized is never hashed (fails closed)")
    void refusesToHashBadAnswers(String answer) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> hasher.hash(answer));
    }

    @Test
    @DisplayName("the stored form holds a hash, never the answer")
    void storesNoAnswer() {
        assertThat(stored.secretData()).doesNotContainIgnoringCase("lovelace");
        assertThat(stored.credentialData()).doesNotContainIgnoringCase("lovelace");
    }

    /** A stand-in hash provider: salted SHA-256. */
    private static final class SaltedSha256 implements PasswordHashProvider {

        @Override
        public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
            return true;
        }

        @Override
        public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return PasswordCredentialModel.createFromValues("test-sha256", salt, iterations, hash(salt, rawPassword));
        }

        @Override
        public boolean verify(String rawPassword, PasswordCredentialModel credential) {
            byte[] salt = credential.getPasswordSecretData().getSalt();
            return hash(salt, rawPassword).equals(credential.getPasswordSecretData().getValue());
        }

        private static String hash(byte[] salt, String raw) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(salt);
                return HexFormat.of().formatHex(digest.digest(raw.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
