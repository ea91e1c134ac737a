package gov.alacop.keycloak.it.existing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The one-source-of-truth check: a bare realm after the setup has every AlaCOP setting of the shipped
 * {@code realm-export/alacop-realm.json}. Each top-level key of the shipped file is either compared here or listed
 * with the reason the setup leaves it to the agency, so a setting added to the file without a decision fails.
 */
final class ShippedRealmComparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compared value for value. */
    static final Set<String> SETUP_KEYS = Set.of("loginTheme", "resetPasswordAllowed", "rememberMe",
            "passwordPolicy", "bruteForceProtected", "permanentLockout", "failureFactor", "maxDeltaTimeSeconds",
            "waitIncrementSeconds", "maxFailureWaitSeconds", "minimumQuickLoginWaitSeconds",
            "quickLoginCheckMilliSeconds", "eventsEnabled", "eventsExpiration", "adminEventsEnabled",
            "adminEventsDetailsEnabled", "ssoSessionIdleTimeoutRememberMe", "ssoSessionMaxLifespanRememberMe",
            "otpPolicyType", "otpPolicyAlgorithm", "otpPolicyDigits", "otpPolicyPeriod", "otpPolicyLookAheadWindow",
            "otpPolicyCodeReusable", "browserFlow", "directGrantFlow", "resetCredentialsFlow");

    /** Compared below, item by item. */
    static final Set<String> STRUCTURED_KEYS = Set.of("authenticationFlows", "authenticatorConfig",
            "requiredActions", "components", "clients", "attributes", "eventsListeners");

    /** The shipped file sets them for a new realm; in an existing realm they are the agency's decision. */
    static final Map<String, String> LEFT_TO_THE_AGENCY = Map.ofEntries(
            Map.entry("realm", "the realm's name"),
            Map.entry("displayName", "the realm's name"),
            Map.entry("enabled", "the realm's state"),
            Map.entry("internationalizationEnabled", "the agency's languages"),
            Map.entry("defaultLocale", "the agency's languages"),
            Map.entry("registrationAllowed", "self-registration is the agency's policy"),
            Map.entry("loginWithEmailAllowed", "sign-in with e-mail is the agency's policy; the identifier step reads "
                    + "the username and the UPN either way"),
            Map.entry("duplicateEmailsAllowed", "changes what users may have; never touched"),
            Map.entry("editUsernameAllowed", "changes what users may do; never touched"),
            Map.entry("sslRequired", "the deployment's TLS"),
            Map.entry("ssoSessionIdleTimeout", "the agency's session policy (the CJIS profile sets it)"),
            Map.entry("ssoSessionMaxLifespan", "the agency's session policy (the CJIS profile sets it)"),
            Map.entry("otpSupportedApplications", "derived by Keycloak from the OTP policy, not stored"));

    private ShippedRealmComparison() {
    }

    static void assertSetupMatchesShippedFile(JsonNode realm, JsonNode shipped, UPConfig profile) {
        Set<String> undecided = new TreeSet<>();
        shipped.fieldNames().forEachRemaining(key -> {
            if (!SETUP_KEYS.contains(key) && !STRUCTURED_KEYS.contains(key) && !LEFT_TO_THE_AGENCY.containsKey(key)) {
                undecided.add(key);
            }
        });
        assertThat(undecided).as("shipped settings neither set up nor left to the agency").isEmpty();

        for (String key : SETUP_KEYS) {
            assertThat(realm.get(key)).as("realm setting %s", key).isEqualTo(shipped.get(key));
        }
        assertThat(values(realm.get("eventsListeners"))).containsAll(values(shipped.get("eventsListeners")));
        assertThat(realm.path("attributes").path("adminEventsExpiration").asText())
                .isEqualTo(shipped.path("attributes").path("adminEventsExpiration").asText());

        Map<String, JsonNode> flows = byKey(realm.get("authenticationFlows"), "alias");
        for (JsonNode flow : shipped.get("authenticationFlows")) {
            String alias = flow.get("alias").asText();
            JsonNode actual = flows.get(alias);
            assertThat(actual).as("flow %s", alias).isNotNull();
            for (String field : List.of("providerId", "topLevel", "builtIn", "description")) {
                assertThat(actual.get(field)).as("flow %s: %s", alias, field).isEqualTo(flow.get(field));
            }
            assertThat(steps(actual)).as("steps of flow %s", alias).isEqualTo(steps(flow));
        }
        Map<String, JsonNode> configs = byKey(realm.get("authenticatorConfig"), "alias");
        for (JsonNode config : shipped.get("authenticatorConfig")) {
            String alias = config.get("alias").asText();
            assertThat(configs.get(alias)).as("step settings %s", alias).isNotNull();
            assertThat(configs.get(alias).get("config")).as("step settings %s", alias).isEqualTo(config.get("config"));
        }
        Map<String, JsonNode> actions = byKey(realm.get("requiredActions"), "alias");
        for (JsonNode action : shipped.get("requiredActions")) {
            String alias = action.get("alias").asText();
            boolean ours = action.get("providerId").asText().startsWith("alacop-");
            if (!ours && !Set.of("CONFIGURE_TOTP", "UPDATE_PASSWORD").contains(alias)) {
                continue;
            }
            JsonNode actual = actions.get(alias);
            assertThat(actual).as("required action %s", alias).isNotNull();
            assertThat(actual.get("enabled")).as("required action %s enabled", alias).isEqualTo(action.get("enabled"));
            if (ours) {
                assertThat(actual.get("priority")).as("required action %s priority", alias)
                        .isEqualTo(action.get("priority"));
                assertThat(config(actual)).as("required action %s settings", alias).isEqualTo(config(action));
            }
        }

        UPConfig wanted = readProfile(shipped);
        assertThat(profile.getUnmanagedAttributePolicy()).isEqualTo(wanted.getUnmanagedAttributePolicy());
        wanted.getAttributes().stream()
                .filter(a -> !Set.of("username", "email", "firstName", "lastName").contains(a.getName()))
                .forEach(a -> assertThat((JsonNode) JSON.valueToTree(profile.getAttribute(a.getName())))
                        .as("user-profile attribute %s", a.getName()).isEqualTo((JsonNode) JSON.valueToTree(a)));

        JsonNode shippedLets = byKey(shipped.get("clients"), "clientId").get("lets");
        JsonNode lets = byKey(realm.get("clients"), "clientId").get("lets");
        Map<String, JsonNode> mappers = byKey(lets.path("protocolMappers"), "name");
        for (JsonNode mapper : shippedLets.path("protocolMappers")) {
            String name = mapper.get("name").asText();
            if (!name.startsWith("alacop ")) {
                continue;
            }
            assertThat(mappers.get(name)).as("token mapper %s on lets", name).isNotNull();
            assertThat(mappers.get(name).get("protocolMapper")).isEqualTo(mapper.get("protocolMapper"));
            assertThat(mappers.get(name).get("config")).as("token mapper %s", name).isEqualTo(mapper.get("config"));
        }
    }

    private static List<String> steps(JsonNode flow) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : flow.get("authenticationExecutions")) {
            steps.add(step.path("priority").asInt() + " " + step.path("requirement").asText() + " "
                    + (step.path("authenticatorFlow").asBoolean() ? "flow " + step.path("flowAlias").asText()
                            : step.path("authenticator").asText())
                    + " [" + step.path("authenticatorConfig").asText("") + "]");
        }
        steps.sort(null);
        return steps;
    }

    private static JsonNode config(JsonNode action) {
        JsonNode config = action.get("config");
        return config == null || config.isEmpty() ? JSON.createObjectNode() : config;
    }

    private static UPConfig readProfile(JsonNode shipped) {
        String text = shipped.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        try {
            return JSON.readValue(text, UPConfig.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String field) {
        Map<String, JsonNode> result = new TreeMap<>();
        if (array != null) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
                JsonNode item = it.next();
                result.put(item.path(field).asText(), item);
            }
        }
        return result;
    }
}
