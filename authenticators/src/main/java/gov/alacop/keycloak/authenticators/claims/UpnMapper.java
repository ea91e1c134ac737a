package gov.alacop.keycloak.authenticators.claims;

import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;

import gov.alacop.keycloak.common.claims.Upn;
import gov.alacop.keycloak.common.realm.AlaCopRealm;

/** The {@code upn} claim: {@code username@<upn-domain>}, the user principal name of the identity cloud. */
public final class UpnMapper extends ClaimMapper {

    public static final String PROVIDER_ID = "alacop-upn-mapper";
    public static final String CLAIM = "upn";
    /** The mapper's setting; blank = the UPN domain of the realm's identifier step. */
    public static final String UPN_DOMAIN = AlaCopRealm.UPN_DOMAIN_OPTION;

    public UpnMapper() {
        super(PROVIDER_ID, "AlaCOP UPN",
                "Adds the claim 'upn' = username@<UPN domain> (the username alone when it holds an '@').",
                settings());
    }

    private static List<ProviderConfigProperty> settings() {
        return ProviderConfigurationBuilder.create()
                .property().name(UPN_DOMAIN).label("UPN domain")
                .helpText("Domain after the '@'. Empty: the UPN domain of the realm's 'AlaCOP identifier (UPN)' "
                        + "step (default " + AlaCopRealm.DEFAULT_UPN_DOMAIN + ").")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        String configured = mapping.getConfig() == null ? null : mapping.getConfig().get(UPN_DOMAIN);
        String domain = configured == null || configured.isBlank()
                ? AlaCopRealm.upnDomain(userSession.getRealm())
                : configured.strip();
        String upn = Upn.of(userSession.getUser().getUsername(), domain);
        if (upn != null) {
            token.getOtherClaims().put(CLAIM, upn);
        }
    }
}
