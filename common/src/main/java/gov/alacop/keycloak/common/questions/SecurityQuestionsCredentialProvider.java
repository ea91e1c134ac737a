package gov.alacop.keycloak.common.questions;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;

import gov.alacop.keycloak.common.credential.OnePerUserCredentialProvider;

/**
 * One set of questions per user; saving a new set replaces the old one. Deliberately no
 * {@code CredentialInputValidator}: security questions are never a way to sign in.
 */
public final class SecurityQuestionsCredentialProvider
        extends OnePerUserCredentialProvider<SecurityQuestionsCredentialModel> {

    public static final String SETUP_ACTION = "alacop-security-questions-setup";

    static final String DISPLAY_NAME = "Security questions";
    static final String HELP_TEXT = "Answer questions only you know to reset your password. Never used to sign in.";

    SecurityQuestionsCredentialProvider(KeycloakSession session) {
        super(session, SecurityQuestionsCredentialModel.TYPE, SETUP_ACTION, DISPLAY_NAME, HELP_TEXT);
    }

    @Override
    public SecurityQuestionsCredentialModel getCredentialFromModel(CredentialModel model) {
        return SecurityQuestionsCredentialModel.createFromCredentialModel(model);
    }
}
