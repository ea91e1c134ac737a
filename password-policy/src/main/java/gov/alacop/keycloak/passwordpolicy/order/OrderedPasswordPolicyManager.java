package gov.alacop.keycloak.passwordpolicy.order;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;

import gov.alacop.keycloak.common.password.PasswordRules;
import gov.alacop.keycloak.common.password.PolicyOrder;

/**
 * Checks the realm's password policies in {@link PolicyOrder} ({@link PasswordRules}): every cheap rule is decided before a rule that
 * computes password hashes runs, so a refused change costs no hash unless it is refused by the history itself.
 */
final class OrderedPasswordPolicyManager implements PasswordPolicyManagerProvider {

    private final KeycloakSession session;

    OrderedPasswordPolicyManager(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return PasswordRules.firstRefusal(session, realm, user, password);
    }

    @Override
    public PolicyError validate(String user, String password) {
        return PasswordRules.firstRefusal(session, session.getContext().getRealm(), user, password);
    }

    @Override
    public void close() {
        // nothing held
    }
}
