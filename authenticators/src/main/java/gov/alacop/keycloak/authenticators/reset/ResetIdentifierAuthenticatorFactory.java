package gov.alacop.keycloak.authenticators.reset;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

import gov.alacop.keycloak.common.provider.StatelessAuthenticatorFactory;

/**
 * Registers "AlaCOP reset: identifier" for the reset-credentials flow's editor in the admin console. It has no settings:
 * the UPN domain is the sign-in identifier step's ({@code AlaCopRealm.upnDomain}).
 */
public final class ResetIdentifierAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = "alacop-reset-identifier";
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    public ResetIdentifierAuthenticatorFactory() {
        super(new ResetIdentifierAuthenticator(), PROVIDER_ID, "AlaCOP reset: identifier",
                "First step of 'Can't access your account?': the AlaCOP e-mail address or username, read as at sign-in, without revealing whether the account exists. Follow it with 'AlaCOP reset: proofs'.");
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }
}
