package gov.alacop.keycloak.it.support;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.keycloak.representations.idm.CredentialRepresentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Password credentials as Keycloak stores them, for what a test cannot wait for ("the next day", "after the
 * expiry") or cannot type (a hash algorithm that does not exist). {@link TestUsers} imports them with the admin
 * API's partial import, the one admin route that stores a hashed credential as given.
 */
public final class StoredPasswords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoredPasswords() {
    }

    /** The password hashed here (PBKDF2-SHA256, which Keycloak verifies), set at {@code created}. */
    public static CredentialRepresentation pbkdf2(String password, Instant created,
            Map<String, List<String>> parameters, String userLabel) {
        byte[] salt = randomBytes(16);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 27_500, 256)).getEncoded();
            return stored(hash, salt, "pbkdf2-sha256", 27_500, created, parameters, userLabel);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The five security questions as the questions setup stores them ({@code alacop-security-questions}): each
     * answer hashed here like a password (PBKDF2-SHA256, which Keycloak verifies) after the setup's normalization
     * (trimmed, lower case, single spaces). {@code answers} maps question ids ({@code q01}...) to answers.
     */
    public static CredentialRepresentation securityQuestions(Map<String, String> answers) {
        List<Map<String, Object>> hashed = new java.util.ArrayList<>();
        for (String answer : answers.values()) {
            CredentialRepresentation one = pbkdf2(answer.strip().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("\\s+", " "), Instant.now(), Map.of(), null);
            hashed.add(Map.of("secretData", one.getSecretData(), "credentialData", one.getCredentialData()));
        }
        CredentialRepresentation questions = new CredentialRepresentation();
        questions.setType("alacop-security-questions");
        questions.setUserLabel(answers.size() + " questions");
        questions.setCreatedDate(System.currentTimeMillis());
        try {
            questions.setCredentialData(JSON.writeValueAsString(Map.of("questions", List.copyOf(answers.keySet()))));
            questions.setSecretData(JSON.writeValueAsString(Map.of("answers", hashed)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return questions;
    }

    /** A password credential with random bytes for hash and salt, stored as given with this algorithm. */
    public static CredentialRepresentation randomHash(String algorithm, int iterations, Instant created) {
        return stored(randomBytes(32), randomBytes(16), algorithm, iterations, created, Map.of(), null);
    }

    private static CredentialRepresentation stored(byte[] hash, byte[] salt, String algorithm, int iterations,
            Instant created, Map<String, List<String>> parameters, String userLabel) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setCreatedDate(created.toEpochMilli());
        credential.setUserLabel(userLabel);
        try {
            credential.setSecretData(JSON.writeValueAsString(Map.of(
                    "value", Base64.getEncoder().encodeToString(hash),
                    "salt", Base64.getEncoder().encodeToString(salt), "additionalParameters", Map.of())));
            credential.setCredentialData(JSON.writeValueAsString(Map.of("hashIterations", iterations,
                    "algorithm", algorithm, "additionalParameters", parameters)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return credential;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
