package gov.alacop.keycloak.requiredactions.staysignedin;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/** Registers "AlaCOP stay signed in?" among the realm's required actions. */
public final class StaySignedInRequiredActionFactory implements RequiredActionFactory {

    private static final StaySignedInRequiredAction SINGLETON = new StaySignedInRequiredAction();

    @Override
    public String getId() {
        return StaySignedIn.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "AlaCOP stay signed in?";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(StaySignedIn.ONLY_AFTER_SECOND_FACTOR).label("Only after a second factor")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("Offer 'Stay signed in?' (and apply a saved 'yes') only after a sign-in that passed the "
                        + "second-factor step or completed the two-method setup. Off: also after a password alone.")
                .add().build();
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        String value = model.getConfigValue(StaySignedIn.ONLY_AFTER_SECOND_FACTOR);
        if (value != null && !value.isBlank() && !value.strip().equals("true") && !value.strip().equals("false")) {
            throw new ValidationException(new ValidationError(getId(), StaySignedIn.ONLY_AFTER_SECOND_FACTOR,
                    "Only after a second factor: use true or false."));
        }
    }

    @Override
    public void init(Config.Scope config) {
        // no server-wide options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }
}
