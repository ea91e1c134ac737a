package gov.alacop.keycloak.authenticators.reset;

import java.util.List;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers "AlaCOP reset: new password" for the reset-credentials flow's editor in the admin console. */

import gov.alacop.keycloak.common.provider.StatelessAuthenticatorFactory;

public final class ResetPasswordAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = "alacop-reset-password";
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    public ResetPasswordAuthenticatorFactory() {
        super(new ResetPasswordAuthenticator(), PROVIDER_ID, "AlaCOP reset: new password",
                "Last step of the reset: the new password under the realm's password policy (minimum age included). Ends at the sign-in page with 'Your password has been changed'; no session is created.");
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ResetPasswordConfig.metadata();
    }
}
