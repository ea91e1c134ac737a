package gov.alacop.keycloak.passwordpolicy.visible;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Refuses invisible characters in a password and counts the realm's {@code length(n)} in visible characters.
 * Looks only at the text: no hash, checked with the other shape rules (see {@code PolicyOrder}).
 */
final class VisibleCharactersPolicyProvider implements PasswordPolicyProvider {

    /** Keycloak's "Minimum length" policy ({@code LengthPasswordPolicyProviderFactory.ID}). */
    static final String LENGTH_ID = "length";

    private final KeycloakSession session;

    VisibleCharactersPolicyProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return validate(realm, password);
    }

    @Override
    public PolicyError validate(String user, String password) {
        return validate(session.getContext().getRealm(), password);
    }

    private static PolicyError validate(RealmModel realm, String password) {
        Integer minLength = realm == null ? null : realm.getPasswordPolicy().getPolicyConfig(LENGTH_ID);
        String refusal = VisibleCharacters.refusal(password, minLength);
        if (refusal == null) {
            return null;
        }
        return VisibleCharacters.MSG_MIN_LENGTH.equals(refusal) ? new PolicyError(refusal, minLength)
                : new PolicyError(refusal);
    }

    @Override
    public Object parseConfig(String value) {
        return null;
    }

    @Override
    public void close() {
        // nothing held
    }
}
