package gov.alacop.keycloak.common.password;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * The realm's password policies, checked one by one in {@link PolicyOrder} (cheap rules before the ones that hash
 * the password): the first refusal, or {@code null} when every rule accepts. A policy id without a provider (a
 * policy whose extension is gone) accepts, as in Keycloak's own manager.
 */
public final class PasswordRules {

    private PasswordRules() {
    }

    /** Every rule, the hashing ones (history) last. */
    public static PolicyError firstRefusal(KeycloakSession session, RealmModel realm, UserModel user, String password) {
        return firstRefusal(policies(realm), true, id -> check(session, id,
                rule -> rule.validate(realm, user, password)));
    }

    /** Every rule, for a user known only by name (Keycloak's check before a user exists). */
    public static PolicyError firstRefusal(KeycloakSession session, RealmModel realm, String username,
            String password) {
        return firstRefusal(policies(realm), true, id -> check(session, id,
                rule -> rule.validate(username, password)));
    }

    /**
     * The rules that compute no password hash: a caller whose hashing rules run elsewhere (Keycloak's credential
     * update) or cannot apply (a pattern password the history has never seen).
     */
    public static PolicyError firstRefusalWithoutHashing(KeycloakSession session, RealmModel realm, UserModel user,
            String password) {
        return firstRefusal(policies(realm), false, id -> check(session, id,
                rule -> rule.validate(realm, user, password)));
    }

    /**
     * The first refusal of the rules in {@link PolicyOrder}, the hashing ones included or left out; a rule that
     * answers {@code null} accepts. The rules after a refusal are not asked.
     */
    static PolicyError firstRefusal(Collection<String> policyIds, boolean withHashing,
            Function<String, PolicyError> rule) {
        List<String> ordered = withHashing ? PolicyOrder.sort(policyIds) : PolicyOrder.withoutHashing(policyIds);
        for (String id : ordered) {
            PolicyError error = rule.apply(id);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static Collection<String> policies(RealmModel realm) {
        return realm.getPasswordPolicy().getPolicies();
    }

    private static PolicyError check(KeycloakSession session, String id,
            Function<PasswordPolicyProvider, PolicyError> validate) {
        PasswordPolicyProvider rule = session.getProvider(PasswordPolicyProvider.class, id);
        return rule == null ? null : validate.apply(rule);
    }
}
