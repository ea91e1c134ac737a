package gov.alacop.keycloak.requiredactions.enrollment;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.credential.OTPCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

import gov.alacop.keycloak.common.credential.OnePerUserCredentialProvider;

/**
 * Takes over Keycloak's OTP credential provider (same id {@code keycloak-otp}, higher {@link #order()}: Keycloak keeps
 * the factory with the highest order when two share an id) only to answer "removeable" from the two-method rule,
 * like the phone and the security questions do. Keycloak's account REST API ({@code DELETE
 * /account/credentials/{id}}) and its {@code delete_credential} action both refuse a type that is not removeable,
 * and the account console then offers no "Remove". Everything else (validation, policy, storage) is Keycloak's own.
 */
public final class KeepTwoMethodsOtpCredentialProviderFactory extends OTPCredentialProviderFactory {

    @Override
    public int order() {
        return 100;
    }

    @Override
    public OTPCredentialProvider create(KeycloakSession session) {
        return new KeepTwoMethodsOtpCredentialProvider(session);
    }

    static final class KeepTwoMethodsOtpCredentialProvider extends OTPCredentialProvider {

        KeepTwoMethodsOtpCredentialProvider(KeycloakSession session) {
            super(session);
        }

        @Override
        public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
            CredentialTypeMetadata keycloak = super.getCredentialTypeMetadata(context);
            return CredentialTypeMetadata.builder()
                    .type(keycloak.getType())
                    .category(keycloak.getCategory())
                    .displayName(keycloak.getDisplayName())
                    .helpText(keycloak.getHelpText())
                    .iconCssClass(keycloak.getIconCssClass())
                    .createAction(keycloak.getCreateAction())
                    .updateAction(keycloak.getUpdateAction())
                    .removeable(keycloak.isRemoveable()
                            && OnePerUserCredentialProvider.removeable(session, context.getUser(), getType()))
                    .build(session);
        }
    }
}
