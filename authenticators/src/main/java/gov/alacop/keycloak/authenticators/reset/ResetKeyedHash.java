package gov.alacop.keycloak.authenticators.reset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * HMAC-SHA256 of an identifier with the realm's active HS512 key (Keycloak's key manager; held in the database, the
 * same on every node, never in JVM memory). It makes the decoys of an identifier that cannot be reset stable (asking
 * twice shows the same methods and questions) without storing anything, and names unknown identifiers in events
 * without the text typed.
 */
final class ResetKeyedHash {

    private ResetKeyedHash() {
    }

    /** 32 bytes for {@code purpose} and {@code identifier}; all zeros if the realm has no HMAC key. */
    static byte[] of(KeycloakSession session, RealmModel realm, String purpose, String identifier) {
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
            if (key == null || key.getSecretKey() == null) {
                return new byte[32];
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getSecretKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal((purpose + "\n" + identifier.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | RuntimeException e) {
            return new byte[32];
        }
    }

    static long seed(KeycloakSession session, RealmModel realm, String purpose, String identifier) {
        return ByteBuffer.wrap(of(session, realm, purpose, identifier)).getLong();
    }

    /** {@code unknown-} and 12 hex digits, as the sign-in names an unknown identifier in its events. */
    static String unknownForEvents(KeycloakSession session, RealmModel realm, String identifier) {
        // Same input and key as the sign-in's identifier step, so both name the same text alike.
        try {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
            if (key == null || key.getSecretKey() == null) {
                return "unknown";
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getSecretKey().getEncoded(), "HmacSHA256"));
            byte[] digest = mac.doFinal(identifier.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "unknown-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException | RuntimeException e) {
            return "unknown";
        }
    }
}
