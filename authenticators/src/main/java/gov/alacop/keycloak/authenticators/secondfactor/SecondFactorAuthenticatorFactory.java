package gov.alacop.keycloak.authenticators.secondfactor;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;

import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.provider.StatelessAuthenticatorFactory;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialModel;

/** Registers "AlaCOP second factor" (authenticator app, text or voice code). */
public final class SecondFactorAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = "alacop-second-factor";

    public SecondFactorAuthenticatorFactory() {
        super(new SecondFactorAuthenticator(), PROVIDER_ID, "AlaCOP second factor",
                "Asks for a code from the authenticator app or sent to the phone by text or voice, starting with "
                        + "the method used last; 'Sign in another way' switches. Security questions are never offered.");
    }

    @Override
    public String getReferenceCategory() {
        // Brute-force protection counts failures only for the password, otp and recovery-authn-codes categories.
        return OTPCredentialModel.TYPE;
    }

    /**
     * The account console lists only credential types that some authenticator of the realm's flows refers to.
     * The phone is one of this step's methods. Security questions are listed here too (they are never offered by
     * this step) until the password-reset step that uses them declares them itself.
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(PhoneCredentialModel.TYPE, SecurityQuestionsCredentialModel.TYPE);
    }
}
