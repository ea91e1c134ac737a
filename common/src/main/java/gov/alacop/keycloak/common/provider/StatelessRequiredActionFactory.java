package gov.alacop.keycloak.common.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/**
 * Registers one required action whose provider is stateless (one instance serves every request). Subclasses give
 * the id, the display text and, if the action has settings, their list and {@link #configProblems} (both from the
 * action's {@code …Config}). Keycloak shows the action as configurable when the list is not empty.
 */
public abstract class StatelessRequiredActionFactory extends StatelessProviderFactory<RequiredActionProvider>
        implements RequiredActionFactory {

    private final RequiredActionProvider provider;
    private final String displayText;

    /** The action's id and its name in the admin console. */
    protected StatelessRequiredActionFactory(RequiredActionProvider provider, String id, String displayText) {
        super(id);
        this.provider = provider;
        this.displayText = displayText;
    }

    @Override
    public final String getDisplayText() {
        return displayText;
    }

    /** These settings followed by Keycloak's maximum authentication age, for actions that re-authenticate. */
    protected static List<ProviderConfigProperty> withMaxAuthAge(List<ProviderConfigProperty> settings) {
        List<ProviderConfigProperty> properties = new ArrayList<>(settings);
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return properties;
    }

    @Override
    public final RequiredActionProvider create(KeycloakSession session) {
        return provider;
    }

    /**
     * Refuses settings an administrator is about to save when {@link #configProblems} names anything: the admin API
     * answers 400 with every problem in one message, and nothing is stored. Keycloak's own check of the maximum
     * authentication age runs first.
     */
    @Override
    public final void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        List<String> problems = configProblems(model.getConfig() == null ? Map.of() : model.getConfig());
        if (!problems.isEmpty()) {
            throw new ValidationException(new ValidationError(getId(), "config", String.join(" ", problems)));
        }
    }

    /** What is wrong with these settings, one sentence each; empty when they can be saved. */
    protected List<String> configProblems(Map<String, String> config) {
        return List.of();
    }
}
