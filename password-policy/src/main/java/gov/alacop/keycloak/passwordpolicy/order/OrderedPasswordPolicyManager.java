package gov.alacop.keycloak.passwordpolicy.order;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Checks the realm's password policies in {@link PolicyOrder}: every cheap rule is decided before a rule that
 * computes password hashes runs, so a refused change costs no hash unless it is refused by the history itself.
 */
final class OrderedPasswordPolicyManager implements PasswordPolicyManagerProvider {

    private final KeycloakSession session;

    OrderedPasswordPolicyManager(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        for (String id : PolicyOrder.sort(realm.getPasswordPolicy().getPolicies())) {
            PasswordPolicyProvider policy = session.getProvider(PasswordPolicyProvider.class, id);
            PolicyError error = policy == null ? null : policy.validate(realm, user, password);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    @Override
    public PolicyError validate(String user, String password) {
        RealmModel realm = session.getContext().getRealm();
        for (String id : PolicyOrder.sort(realm.getPasswordPolicy().getPolicies())) {
            PasswordPolicyProvider policy = session.getProvider(PasswordPolicyProvider.class, id);
            PolicyError error = policy == null ? null : policy.validate(user, password);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    @Override
    public void close() {
        // nothing held
    }
}
