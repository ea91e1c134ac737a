package gov.alacop.keycloak.common.questions;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class SecurityQuestionsCredentialProviderFactory
        implements CredentialProviderFactory<SecurityQuestionsCredentialProvider> {

    public static final String ID = SecurityQuestionsCredentialModel.TYPE;

    @Override
    public SecurityQuestionsCredentialProvider create(KeycloakSession session) {
        return new SecurityQuestionsCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
