package gov.alacop.keycloak.common.phone;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class PhoneCredentialProviderFactory implements CredentialProviderFactory<PhoneCredentialProvider> {

    public static final String ID = PhoneCredentialModel.TYPE;

    @Override
    public PhoneCredentialProvider create(KeycloakSession session) {
        return new PhoneCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
