package gov.alacop.keycloak.authenticators.claims;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A protocol mapper that puts one AlaCOP claim into the ID token, the access token and userinfo (each can be
 * switched off in the mapper's settings, Keycloak's usual "Add to ..." switches). Like every protocol mapper it is
 * its own factory and holds no state; subclasses give the id, the admin-console texts and their own settings.
 */
abstract class ClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> configProperties;

    /** The mapper's id, its name and help text in the admin console, and its own settings before the switches. */
    protected ClaimMapper(String id, String displayType, String helpText, List<ProviderConfigProperty> settings) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        List<ProviderConfigProperty> properties = new ArrayList<>(settings);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, getClass());
        this.configProperties = List.copyOf(properties);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }
}
