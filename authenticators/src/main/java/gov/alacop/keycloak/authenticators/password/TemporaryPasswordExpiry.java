package gov.alacop.keycloak.authenticators.password;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The expiry of a temporary password, kept in the password credential's own (non-secret) data. It belongs to that
 * password only: any later change replaces the credential data, and with it the expiry.
 */
public final class TemporaryPasswordExpiry {

    /** Key in {@code credentialData.additionalParameters}; the value is epoch seconds. */
    public static final String PARAMETER = "alacopTemporaryExpiresAt";

    private TemporaryPasswordExpiry() {
    }

    /** When the password expires, if it is a temporary password issued by the AlaCOP API. */
    public static Optional<Instant> expiresAt(PasswordCredentialModel password) {
        if (password == null || password.getPasswordCredentialData() == null
                || password.getPasswordCredentialData().getAdditionalParameters() == null) {
            return Optional.empty();
        }
        String value = password.getPasswordCredentialData().getAdditionalParameters().getFirst(PARAMETER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static boolean isExpired(PasswordCredentialModel password, Instant now) {
        return expiresAt(password).map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /** The same hashed password, marked to expire at {@code expiresAt}. Only the credential data changes. */
    public static PasswordCredentialModel withExpiry(PasswordCredentialModel password, Instant expiresAt) {
        try {
            ObjectNode data = (ObjectNode) JsonSerialization.readValue(password.getCredentialData(), JsonNode.class);
            JsonNode existing = data.get("additionalParameters");
            ObjectNode parameters = existing instanceof ObjectNode object ? object : data.putObject("additionalParameters");
            parameters.putArray(PARAMETER).add(Long.toString(expiresAt.getEpochSecond()));
            password.setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable password credential data", e);
        }
        return PasswordCredentialModel.createFromCredentialModel(password);
    }
}
