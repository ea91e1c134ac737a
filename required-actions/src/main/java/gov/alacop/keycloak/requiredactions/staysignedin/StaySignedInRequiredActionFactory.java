package gov.alacop.keycloak.requiredactions.staysignedin;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;

import gov.alacop.keycloak.common.provider.StatelessRequiredActionFactory;

/** Registers "AlaCOP stay signed in?" among the realm's required actions. */
public final class StaySignedInRequiredActionFactory extends StatelessRequiredActionFactory {

    public StaySignedInRequiredActionFactory() {
        super(new StaySignedInRequiredAction(), StaySignedIn.PROVIDER_ID, "AlaCOP stay signed in?");
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return StaySignedInConfig.metadata();
    }

    @Override
    protected List<String> configProblems(Map<String, String> config) {
        return StaySignedInConfig.problems(config);
    }
}
