package gov.alacop.keycloak.common.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import gov.alacop.keycloak.common.enrollment.Enrollment;

/**
 * A security method a user has at most once (a phone, a set of security questions): saving a new one replaces the
 * old one, and the account console offers "set up" when it is missing and "change" when it is present.
 */
public abstract class OnePerUserCredentialProvider<T extends CredentialModel> implements CredentialProvider<T> {

    private final KeycloakSession session;
    private final String type;
    private final String setupAction;
    private final String displayName;
    private final String helpText;

    protected OnePerUserCredentialProvider(KeycloakSession session, String type, String setupAction,
            String displayName, String helpText) {
        this.session = session;
        this.type = type;
        this.setupAction = setupAction;
        this.displayName = displayName;
        this.helpText = helpText;
    }

    @Override
    public final String getType() {
        return type;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, T credential) {
        user.credentialManager().getStoredCredentialsByTypeStream(type).toList()
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    /**
     * Whether the user may remove their credential of this type themselves: Keycloak's account REST API and its
     * {@code delete_credential} action refuse a type that is not removeable. The two-method rule decides.
     */
    public static boolean removeable(KeycloakSession session, UserModel user, String type) {
        RealmModel realm = session.getContext().getRealm();
        if (user == null) {
            return true;
        }
        return realm != null && !Enrollment.of(realm).removalRefused(user, type);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        // Keycloak accepts only one of the two: set up when missing, change when present.
        UserModel user = context.getUser();
        boolean present = user != null && user.credentialManager().getStoredCredentialsByTypeStream(type)
                .findAny().isPresent();
        return CredentialTypeMetadata.builder()
                .type(type)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                // Plain text: the account console (keycloak.v3) shows an unknown message key as it is, and our
                // messages live in the login theme only.
                .displayName(displayName)
                .helpText(helpText)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(present ? null : setupAction)
                .updateAction(present ? setupAction : null)
                // Every self-service removal (account REST API, account console, delete_credential) asks this.
                .removeable(removeable(session, user, type))
                .build(session);
    }
}
