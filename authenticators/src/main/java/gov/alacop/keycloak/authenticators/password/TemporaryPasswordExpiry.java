package gov.alacop.keycloak.authenticators.password;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;

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

    /** The same hashed password, marked to expire at {@code expiresAt}. */
    public static PasswordCredentialModel withExpiry(PasswordCredentialModel password, Instant expiresAt) {
        PasswordCredentialData data = password.getPasswordCredentialData();
        Map<String, List<String>> parameters = new HashMap<>();
        if (data.getAdditionalParameters() != null) {
            parameters.putAll(data.getAdditionalParameters());
        }
        parameters.put(PARAMETER, List.of(Long.toString(expiresAt.getEpochSecond())));
        PasswordCredentialModel marked = PasswordCredentialModel.createFromValues(
                new PasswordCredentialData(data.getHashIterations(), data.getAlgorithm(), parameters),
                password.getPasswordSecretData());
        marked.setCreatedDate(password.getCreatedDate());
        return marked;
    }
}
