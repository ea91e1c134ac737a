package gov.alacop.keycloak.common.phone;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.common.credential.OnePerUserCredentialProvider;

/** One phone per user: registering a new number replaces the old one. */
public final class PhoneCredentialProvider extends OnePerUserCredentialProvider<PhoneCredentialModel> {

    /** The setup required action, also what the account console starts. */
    public static final String SETUP_ACTION = "alacop-phone-setup";

    static final String DISPLAY_NAME = "Phone (text or voice call)";
    static final String HELP_TEXT = "Get a code by text message or voice call to sign in.";

    PhoneCredentialProvider(KeycloakSession session) {
        super(session, PhoneCredentialModel.TYPE, SETUP_ACTION, DISPLAY_NAME, HELP_TEXT);
    }

    @Override
    public PhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return PhoneCredentialModel.createFromCredentialModel(model);
    }

    /** The user's phone, or null. */
    public static PhoneCredentialModel of(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE).findFirst()
                .map(PhoneCredentialModel::createFromCredentialModel).orElse(null);
    }
}
