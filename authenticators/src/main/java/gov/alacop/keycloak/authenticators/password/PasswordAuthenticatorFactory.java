package gov.alacop.keycloak.authenticators.password;

import java.util.List;

import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.provider.StatelessAuthenticatorFactory;
import gov.alacop.keycloak.common.realm.AlaCopRealm;
import gov.alacop.keycloak.common.temporarypassword.TemporaryPasswordConfig;

/** Registers the password step ("AlaCOP password") that follows the identifier step. */
public final class PasswordAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = AlaCopRealm.PASSWORD_STEP;

    public PasswordAuthenticatorFactory() {
        super(new PasswordAuthenticator(), PROVIDER_ID, "AlaCOP password",
                "Asks for the password of the identifier given on the previous step. Unknown identifiers get the "
                        + "same page and fail with the same message as a wrong password. An expired temporary password fails like a "
                        + "wrong one; wrong passwords against a pending one lock the account (settings: temporary-password "
                        + "prefix, expiry, lockout).");
    }

    @Override
    public String getReferenceCategory() {
        // Failures count in Keycloak's brute-force protection only for the password/otp categories.
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TemporaryPasswordConfig.metadata();
    }
}
