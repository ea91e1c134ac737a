package gov.alacop.keycloak.it.support;

import static io.restassured.RestAssured.given;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Officers whose password was set at a chosen moment, for what a test cannot wait for ("the next day", "after
 * the expiry"). The password is hashed here (PBKDF2-SHA256, which Keycloak verifies) and imported with the admin
 * API's partial import, the one admin route that stores a hashed credential as given.
 */
public final class StoredPasswords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoredPasswords() {
    }

    public static TestUser importOfficer(RealmAdmin admin, String usernamePrefix, String password, Instant passwordSet,
            Map<String, List<String>> credentialParameters, List<String> requiredActions) {
        return importOfficer(admin, usernamePrefix, password, passwordSet, credentialParameters, requiredActions, null);
    }

    /** As above, with the password credential's user label (e.g. the mark of an issued temporary password). */
    public static TestUser importOfficer(RealmAdmin admin, String usernamePrefix, String password, Instant passwordSet,
            Map<String, List<String>> credentialParameters, List<String> requiredActions, String userLabel) {
        String username = usernamePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, Object> user = Map.of("username", username, "firstName", "Hal", "lastName", "Jordan",
                "email", username + "@example.org", "emailVerified", true, "enabled", true,
                "attributes", Map.of("ori", List.of("AL0010000")),
                "credentials", List.of(pbkdf2Credential(password, passwordSet, credentialParameters, userLabel)),
                "requiredActions", requiredActions);
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("ifResourceExists", "FAIL", "users", List.of(user)))
                .post(admin.server().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/partialImport")
                .then().statusCode(200);
        String id = admin.realm().users().searchByUsername(username, true).get(0).getId();
        return new TestUser(id, username, password);
    }

    private static Map<String, Object> pbkdf2Credential(String password, Instant created,
            Map<String, List<String>> parameters, String userLabel) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 27_500, 256)).getEncoded();
            Map<String, Object> credential = new java.util.HashMap<>(Map.of("type", "password",
                    "createdDate", created.toEpochMilli(),
                    "secretData", JSON.writeValueAsString(Map.of("value", Base64.getEncoder().encodeToString(hash),
                            "salt", Base64.getEncoder().encodeToString(salt), "additionalParameters", Map.of())),
                    "credentialData", JSON.writeValueAsString(Map.of("hashIterations", 27_500,
                            "algorithm", "pbkdf2-sha256", "additionalParameters", parameters))));
            if (userLabel != null) {
                credential.put("userLabel", userLabel);
            }
            return credential;
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
