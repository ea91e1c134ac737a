package gov.alacop.keycloak.adminrest.temporarypassword;

import java.time.Instant;
import java.util.Set;

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
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

import gov.alacop.keycloak.authenticators.password.TemporaryPasswordConfig;
import gov.alacop.keycloak.authenticators.password.TemporaryPasswordExpiry;

/**
 * Sets a user's temporary password: the pattern password, hashed with the realm's algorithm, stored as the user's
 * password with its expiry, and UPDATE_PASSWORD required. Keycloak moves the previous password into the history.
 */
final class TemporaryPasswordIssuer {

    /**
     * Rules that compare with former passwords. They are skipped on purpose: a help-desk reset issues the same
     * pattern again ("the temporary password format will also be your old password"), which the history would refuse.
     */
    private static final Set<String> HISTORY_RULES = Set.of(PasswordPolicy.PASSWORD_HISTORY_ID, PasswordPolicy.PASSWORD_AGE);

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

    /** Issues the temporary password and returns when it expires. */
    Instant issue(UserModel user, String ssnLast4) {
        String password = new TemporaryPasswordPattern(config.prefix())
                .build(user.getFirstName(), user.getLastName(), ssnLast4);
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
        PasswordCredentialProvider passwords = (PasswordCredentialProvider) session.getProvider(CredentialProvider.class,
                PasswordCredentialProviderFactory.PROVIDER_ID);
        passwords.createCredential(realm, user, TemporaryPasswordExpiry.withExpiry(encoded, expiresAt));
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        return expiresAt;
    }

    /** The realm's rules except the history ones (with a too-short prefix the pattern itself could break them). */
    private PolicyError checkRules(UserModel user, String password) {
        for (String id : realm.getPasswordPolicy().getPolicies()) {
            if (HISTORY_RULES.contains(id)) {
                continue;
            }
            PasswordPolicyProvider rule = session.getProvider(PasswordPolicyProvider.class, id);
            PolicyError error = rule == null ? null : rule.validate(realm, user, password);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** The pattern password breaks a realm rule: a configuration problem, reported by the rule's message key. */
    static final class PolicyRefused extends RuntimeException {
        PolicyRefused(String messageKey) {
            super(messageKey, null, false, false);
        }
    }
}
