package gov.alacop.keycloak.common.questions;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One set of questions per user; saving a new set replaces the old one. Deliberately no
 * {@code CredentialInputValidator}: security questions are never a way to sign in.
 */
public final class SecurityQuestionsCredentialProvider implements CredentialProvider<SecurityQuestionsCredentialModel> {

    public static final String SETUP_ACTION = "alacop-security-questions-setup";

    static final String DISPLAY_NAME = "Security questions";
    static final String HELP_TEXT = "Answer questions only you know to reset your password. Never used to sign in.";

    private final KeycloakSession session;

    SecurityQuestionsCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return SecurityQuestionsCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, SecurityQuestionsCredentialModel credential) {
        user.credentialManager().getStoredCredentialsByTypeStream(getType()).toList()
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public SecurityQuestionsCredentialModel getCredentialFromModel(CredentialModel model) {
        return SecurityQuestionsCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        // Keycloak accepts only one of the two: set up when missing, change when present.
        UserModel user = context.getUser();
        boolean present = user != null && user.credentialManager().getStoredCredentialsByTypeStream(getType())
                .findAny().isPresent();
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                // Plain text, like the phone's: the account console shows unknown message keys as they are.
                .displayName(DISPLAY_NAME)
                .helpText(HELP_TEXT)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(present ? null : SETUP_ACTION)
                .updateAction(present ? SETUP_ACTION : null)
                .removeable(true)
                .build(session);
    }
}
