package gov.alacop.keycloak.requiredactions.staysignedin;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

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
