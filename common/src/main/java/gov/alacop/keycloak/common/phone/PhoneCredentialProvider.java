package gov.alacop.keycloak.common.phone;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** One phone per user: registering a new number replaces the old one. */
public final class PhoneCredentialProvider implements CredentialProvider<PhoneCredentialModel> {

    /** The setup required action, also what the account console starts. */
    public static final String SETUP_ACTION = "alacop-phone-setup";

    static final String DISPLAY_NAME = "Phone (text or voice call)";
    static final String HELP_TEXT = "Get a code by text message or voice call to sign in.";

    private final KeycloakSession session;

    PhoneCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PhoneCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PhoneCredentialModel credential) {
        user.credentialManager().getStoredCredentialsByTypeStream(getType()).toList()
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return PhoneCredentialModel.createFromCredentialModel(model);
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
                // Plain text: the account console (keycloak.v3) shows an unknown message key as it is, and our
                // messages live in the login theme only.
                .displayName(DISPLAY_NAME)
                .helpText(HELP_TEXT)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(present ? null : SETUP_ACTION)
                .updateAction(present ? SETUP_ACTION : null)
                .removeable(true)
                .build(session);
    }

    /** The user's phone, or null. */
    public static PhoneCredentialModel of(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE).findFirst()
                .map(PhoneCredentialModel::createFromCredentialModel).orElse(null);
    }
}
