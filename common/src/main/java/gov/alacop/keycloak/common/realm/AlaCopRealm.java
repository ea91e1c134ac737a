package gov.alacop.keycloak.common.realm;

import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * What the modules need to know about an AlaCOP realm: the agency attribute, the UPN domain of the identifier step,
 * and where a browser-flow step keeps its settings. Settings of one step that other parts read (the password step's
 * temporary-password rules for the admin API, the identifier step's domain for the sign-out pages) are found here.
 */
public final class AlaCopRealm {

    /** User attribute holding the officer's agency (ORI, e.g. {@code AL0010000}); administrators edit it. */
    public static final String ORI_ATTRIBUTE = "ori";

    /** Provider id of the identifier step ("AlaCOP identifier (UPN)"). */
    public static final String IDENTIFIER_STEP = "alacop-identifier";
    /** Provider id of the password step ("AlaCOP password"). */
    public static final String PASSWORD_STEP = "alacop-password";

    /** The identifier step's option naming the domain of {@code username@domain}. */
    public static final String UPN_DOMAIN_OPTION = "upnDomain";
    public static final String DEFAULT_UPN_DOMAIN = "alacop.gov";

    private AlaCopRealm() {
    }

    /**
     * The settings of the first step of the realm's flows run by this authenticator that has settings, if any. The
     * realm binds one browser flow; our steps appear once in it.
     */
    public static Optional<AuthenticatorConfigModel> stepConfig(RealmModel realm, String providerId) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> providerId.equals(execution.getAuthenticator()))
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .filter(Objects::nonNull)
                .map(realm::getAuthenticatorConfigById)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The UPN domain configured on the realm's identifier step, or {@value #DEFAULT_UPN_DOMAIN}. */
    public static String upnDomain(RealmModel realm) {
        return stepConfig(realm, IDENTIFIER_STEP)
                .map(config -> upnDomain(config.getConfig() == null ? null : config.getConfig().get(UPN_DOMAIN_OPTION)))
                .orElse(DEFAULT_UPN_DOMAIN);
    }

    /** A configured domain, stripped, or the default when none is set. */
    public static String upnDomain(String configured) {
        return configured == null || configured.isBlank() ? DEFAULT_UPN_DOMAIN : configured.strip();
    }
}
