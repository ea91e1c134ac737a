package gov.alacop.keycloak.adminrest.temporarypassword;

import java.time.Instant;
import java.util.List;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.credential.PasswordCredentialProviderFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.policy.PolicyError;

import gov.alacop.keycloak.adminrest.UserSessions;
import gov.alacop.keycloak.common.password.PasswordRules;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordConfig;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordExpiry;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordLock;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordPattern;

/**
 * Sets a user's temporary password: the pattern password, hashed with the realm's algorithm, stored as the user's
 * password marked temporary (its user label, which survives Keycloak's re-hash), and UPDATE_PASSWORD required. The
 * window starts clean: a lock of the previous temporary password is lifted, the user's sessions and offline tokens
 * end, and a replaced temporary password leaves no hash in the password history.
 */
final class TemporaryPasswordIssuer {

    /** Warning (and, with the refusing setting, error) code: the username gives the SSN digits away. */
    static final String USERNAME_HOLDS_DIGITS = "username_contains_ssn_digits";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TemporaryPasswordConfig config;

    TemporaryPasswordIssuer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.config = TemporaryPasswordConfig.of(realm);
    }

    /** Throws {@link TemporaryPasswordPattern.InvalidInput} or {@link PolicyRefused} before changing anything. */
    void check(String firstName, String lastName, String ssnLast4) {
        new TemporaryPasswordPattern(config.prefix()).build(firstName, lastName, ssnLast4);
    }

    /**
     * The warnings about this username; throws {@link UsernameHoldsDigits} when the realm refuses such rows. A
     * username that contains the four digits makes the temporary password public (the guide's {@code ck4321}:
     * name and digits are both in the UPN).
     */
    List<String> checkUsername(String username, String ssnLast4) {
        if (username == null || ssnLast4 == null || ssnLast4.isEmpty() || !username.contains(ssnLast4)) {
            return List.of();
        }
        if (config.refuseUsernameWithDigits()) {
            throw new UsernameHoldsDigits();
        }
        return List.of(USERNAME_HOLDS_DIGITS);
    }

    /** Issues the temporary password; returns when it expires and any warning. */
    Issued issue(UserModel user, String ssnLast4) {
        String password = new TemporaryPasswordPattern(config.prefix())
                .build(user.getFirstName(), user.getLastName(), ssnLast4);
        List<String> warnings = checkUsername(user.getUsername(), ssnLast4);
        PolicyError refused = checkRules(user, password);
        if (refused != null) {
            throw new PolicyRefused(refused.getMessage());
        }
        PasswordPolicy policy = realm.getPasswordPolicy();
        // No hashAlgorithm rule in the policy: Keycloak's default hash provider, as for any password.
        PasswordHashProvider hash = policy.getHashAlgorithm() == null ? null
                : session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm());
        if (hash == null) {
            hash = session.getProvider(PasswordHashProvider.class);
        }
        PasswordCredentialModel encoded = hash.encodedCredential(password, policy.getHashIterations());
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        encoded.setCreatedDate(now.toEpochMilli());
        Instant expiresAt = now.plus(config.expiry());
        // A pending temporary password is removed, not replaced: Keycloak would move a replaced one into the history.
        TemporaryPasswordExpiry.currentPassword(user).filter(TemporaryPasswordExpiry::isTemporary)
                .ifPresent(pending -> user.credentialManager().removeStoredCredentialById(pending.getId()));
        PasswordCredentialProvider passwords = (PasswordCredentialProvider) session.getProvider(CredentialProvider.class,
                PasswordCredentialProviderFactory.PROVIDER_ID);
        passwords.createCredential(realm, user, TemporaryPasswordExpiry.mark(encoded, expiresAt));
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        TemporaryPasswordLock.lift(session, realm, user);
        UserSessions.endAll(session, realm, user);
        return new Issued(expiresAt, warnings);
    }

    /** Whether the user has no password of their own: none at all, or an issued temporary one never changed. */
    static boolean isPending(UserModel user) {
        return TemporaryPasswordExpiry.currentPassword(user).map(TemporaryPasswordExpiry::isTemporary).orElse(true);
    }

    /**
     * The realm's rules (with a too-short prefix the pattern itself could break them) except the ones that compare
     * with former passwords. Those are skipped on purpose: a help-desk reset issues the same pattern again ("the
     * temporary password format will also be your old password"), which the history would refuse.
     */
    private PolicyError checkRules(UserModel user, String password) {
        return PasswordRules.firstRefusalWithoutHashing(session, realm, user, password);
    }

    /** What an issue produced: the expiry, and warnings such as {@value #USERNAME_HOLDS_DIGITS}. */
    record Issued(Instant expiresAt, List<String> warnings) {
    }

    /** The pattern password breaks a realm rule: a configuration problem, reported by the rule's message key. */
    static final class PolicyRefused extends RuntimeException {
        PolicyRefused(String messageKey) {
            super(messageKey, null, false, false);
        }
    }

    /** The username contains the SSN digits and the realm refuses such rows. */
    static final class UsernameHoldsDigits extends RuntimeException {
        static final String DESCRIPTION = "The username contains the four SSN digits, so the temporary password would "
                + "follow from it; this realm refuses such users (setting refuseUsernameWithSsnDigits).";

        UsernameHoldsDigits() {
            super(DESCRIPTION, null, false, false);
        }
    }
}
