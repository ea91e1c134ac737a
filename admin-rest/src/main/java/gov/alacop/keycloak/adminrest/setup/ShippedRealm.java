package gov.alacop.keycloak.adminrest.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.util.JsonSerialization;

/**
 * The shipped {@code realm-export/alacop-realm.json} (packaged into this JAR at build time): the one source of what
 * AlaCOP sets in a realm. The setup takes every AlaCOP setting from here, so a new install (import of the file) and
 * an existing realm (the setup) cannot drift apart.
 */
final class ShippedRealm {

    static final String RESOURCE = "/alacop/alacop-realm.json";

    /** Flows, configs, required actions and mappers of the bundle are named with this prefix. */
    static final String PREFIX = "alacop";

    /** Keycloak's required actions that AlaCOP's journeys use: the setup makes sure they are enabled. */
    static final Set<String> KEYCLOAK_ACTIONS_USED = Set.of("CONFIGURE_TOTP", "UPDATE_PASSWORD");

    /** The attributes of Keycloak's default user profile: everything else in the shipped profile is AlaCOP's. */
    static final Set<String> KEYCLOAK_PROFILE_ATTRIBUTES = Set.of("username", "email", "firstName", "lastName");

    /** The client whose {@code alacop ...} protocol mappers the setup copies onto the clients it is asked to bind. */
    static final String MAPPER_TEMPLATE_CLIENT = "lets";

    private static final String USER_PROFILE_PROVIDER = "org.keycloak.userprofile.UserProfileProvider";
    private static final String USER_PROFILE_CONFIG = "kc.user.profile.config";

    private final RealmRepresentation realm;

    private ShippedRealm(RealmRepresentation realm) {
        this.realm = realm;
    }

    static ShippedRealm load() {
        try (InputStream in = ShippedRealm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks " + RESOURCE);
            }
            return new ShippedRealm(JsonSerialization.readValue(in, RealmRepresentation.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    RealmRepresentation realm() {
        return realm;
    }

    List<AuthenticationFlowRepresentation> flows() {
        return realm.getAuthenticationFlows().stream().filter(f -> f.getAlias().startsWith(PREFIX + " ")).toList();
    }

    Optional<AuthenticationFlowRepresentation> flow(String alias) {
        return flows().stream().filter(f -> f.getAlias().equals(alias)).findFirst();
    }

    List<AuthenticatorConfigRepresentation> authenticatorConfigs() {
        return realm.getAuthenticatorConfig().stream().filter(c -> c.getAlias().startsWith(PREFIX)).toList();
    }

    /** AlaCOP's required actions, then the Keycloak ones its journeys need. */
    List<RequiredActionProviderRepresentation> requiredActions() {
        return realm.getRequiredActions().stream()
                .filter(a -> a.getProviderId().startsWith(PREFIX + "-") || KEYCLOAK_ACTIONS_USED.contains(a.getAlias()))
                .toList();
    }

    UPConfig userProfile() {
        ComponentExportRepresentation component = realm.getComponents().getFirst(USER_PROFILE_PROVIDER);
        String json = component.getConfig().getFirst(USER_PROFILE_CONFIG);
        try {
            return JsonSerialization.readValue(json, UPConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped user profile", e);
        }
    }

    List<ProtocolMapperRepresentation> clientMappers() {
        return realm.getClients().stream().filter(c -> MAPPER_TEMPLATE_CLIENT.equals(c.getClientId())).findFirst()
                .map(c -> c.getProtocolMappers() == null ? List.<ProtocolMapperRepresentation>of()
                        : c.getProtocolMappers().stream().filter(m -> m.getName().startsWith(PREFIX + " ")).toList())
                .orElse(List.of());
    }

    String adminEventsExpiration() {
        Map<String, String> attributes = realm.getAttributes();
        return attributes == null ? null : attributes.get("adminEventsExpiration");
    }
}
