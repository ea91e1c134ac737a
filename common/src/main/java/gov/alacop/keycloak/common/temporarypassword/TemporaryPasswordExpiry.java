package gov.alacop.keycloak.common.temporarypassword;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What makes a password credential an issued temporary password, and when it expires.
 *
 * <p>The mark is the credential's user label ({@value #LABEL}): Keycloak keeps the id, the creation time and the
 * label when it re-hashes a password at sign-in ({@code PasswordCredentialProvider.rehashPasswordIfRequired}), but
 * rebuilds the credential data, so anything kept there ({@value #PARAMETER}, written for older releases and for
 * reading) is lost. The expiry is therefore derived from the creation time and the configured validity; any change
 * of the password replaces the credential (and its label) and ends the temporary state.
 */
public final class TemporaryPasswordExpiry {

    /** User label of an issued temporary password; it survives Keycloak's re-hash. */
    public static final String LABEL = "AlaCOP temporary password";
    /** Key in {@code credentialData.additionalParameters}; the value is epoch seconds (informative, see above). */
    public static final String PARAMETER = "alacopTemporaryExpiresAt";

    /** The shape of the pattern after the prefix: an initial, four digits, an initial (letters with their marks). */
    private static final Pattern SHAPE = Pattern.compile("\\p{L}\\p{M}*[0-9]{4}\\p{L}\\p{M}*");

    private TemporaryPasswordExpiry() {
    }

    /** The user's password credential, if any. */
    public static Optional<PasswordCredentialModel> currentPassword(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst()
                .map(PasswordCredentialModel::createFromCredentialModel);
    }

    /** Whether this password credential is an issued temporary password that was never changed. */
    public static boolean isTemporary(CredentialModel password) {
        return password != null && (LABEL.equals(password.getUserLabel()) || hasParameter(password));
    }

    /**
     * When a temporary password expires: its creation time plus the validity (and never later than an expiry written
     * into its data). A temporary password without a readable creation time counts as expired.
     */
    public static Optional<Instant> expiresAt(PasswordCredentialModel password, Duration validity) {
        if (!isTemporary(password)) {
            return Optional.empty();
        }
        Instant derived = password.getCreatedDate() == null ? Instant.EPOCH
                : Instant.ofEpochMilli(password.getCreatedDate()).plus(validity);
        Instant stored = storedExpiry(password).orElse(derived);
        return Optional.of(stored.isBefore(derived) ? stored : derived);
    }

    public static boolean isExpired(PasswordCredentialModel password, Duration validity, Instant now) {
        return expiresAt(password, validity).map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /** The same hashed password, marked as temporary (label) with its expiry noted in the data. */
    public static PasswordCredentialModel mark(PasswordCredentialModel password, Instant expiresAt) {
        try {
            ObjectNode data = (ObjectNode) JsonSerialization.readValue(password.getCredentialData(), JsonNode.class);
            JsonNode existing = data.get("additionalParameters");
            ObjectNode parameters = existing instanceof ObjectNode object ? object : data.putObject("additionalParameters");
            parameters.putArray(PARAMETER).add(Long.toString(expiresAt.getEpochSecond()));
            password.setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable password credential data", e);
        }
        password.setUserLabel(LABEL);
        return PasswordCredentialModel.createFromCredentialModel(password);
    }

    /**
     * Removes the password-history entries Keycloak made of this temporary password when it was replaced: its hash
     * is one of 10<sup>4</sup> candidates, so a database copy would give away the SSN digits.
     */
    public static void forgetInHistory(UserModel user, CredentialModel temporary) {
        if (temporary == null || temporary.getSecretData() == null) {
            return;
        }
        List<String> copies = user.credentialManager()
                .getStoredCredentialsByTypeStream(PasswordCredentialModel.PASSWORD_HISTORY)
                .filter(entry -> Objects.equals(entry.getSecretData(), temporary.getSecretData()))
                .map(CredentialModel::getId)
                .toList();
        copies.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    /**
     * Whether a password follows the temporary-password pattern: the prefix, an initial, four digits, an initial
     * (case-insensitive). Such a password is refused as a new password, which keeps the issued one from being
     * chosen again without keeping its hash anywhere.
     */
    public static boolean followsPattern(String prefix, String password) {
        if (prefix == null || prefix.isEmpty() || password == null
                || !password.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        return SHAPE.matcher(password.substring(prefix.length())).matches();
    }

    private static boolean hasParameter(CredentialModel password) {
        String data = password.getCredentialData();
        return data != null && data.contains("\"" + PARAMETER + "\"");
    }

    private static Optional<Instant> storedExpiry(CredentialModel credential) {
        PasswordCredentialModel password = credential instanceof PasswordCredentialModel p ? p
                : safely(credential);
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
            // Marked, but unreadable: expired (fail closed).
            return Optional.of(Instant.EPOCH);
        }
    }

    private static PasswordCredentialModel safely(CredentialModel credential) {
        try {
            return PasswordCredentialModel.createFromCredentialModel(credential);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
