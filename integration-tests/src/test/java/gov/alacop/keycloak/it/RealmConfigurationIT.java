package gov.alacop.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import gov.alacop.keycloak.it.pages.ApplicationPage;
import gov.alacop.keycloak.it.pages.IdentifierPage;
import gov.alacop.keycloak.it.pages.PasswordPage;
import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.Browser;
import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

@AlaCopKeycloak
@DisplayName("The shipped alacop realm")
class RealmConfigurationIT {

    @Test
    @Tag("smoke")
    @DisplayName("uses the alacop theme, the identifier-first flow, remember-me and the password rules with the minimum age")
    void signInSettings(RealmAdmin admin) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        assertThat(realm.getLoginTheme()).isEqualTo("alacop");
        assertThat(realm.getBrowserFlow()).isEqualTo("alacop browser");
        assertThat(admin.realm().flows().getRequiredAction("alacop-mfa-enrollment").isEnabled())
                .as("the enrollment wizard ships enabled").isTrue();
        assertThat(admin.realm().flows().getRequiredAction("alacop-stay-signed-in").isEnabled()).isTrue();
        assertThat(realm.isRememberMe()).isTrue();
        assertThat(realm.getPasswordPolicy()).isEqualTo("length(14) and maxLength(128) and upperCase(1) and "
                + "lowerCase(1) and digits(1) and specialChars(1) and passwordHistory(24) and notUsername and "
                + "notEmail and alacopMinPasswordAge(24) and alacopVisibleCharacters");
        // getExecutions lists the subflow's own steps after it (the subflow itself has no provider id).
        assertThat(admin.realm().flows().getExecutions("alacop browser forms"))
                .extracting(e -> e.getProviderId() == null ? e.getDisplayName() : e.getProviderId())
                .containsExactly("alacop-identifier", "alacop-password", "alacop second factor",
                        "conditional-user-configured", "alacop-second-factor");
    }

    @Test
    @DisplayName("locks an account for 15 minutes after 5 failures and records login and admin events for a year")
    void protectionAndAudit(RealmAdmin admin) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getFailureFactor()).isEqualTo(5);
        assertThat(realm.getMaxDeltaTimeSeconds()).isEqualTo(900);
        assertThat(realm.getWaitIncrementSeconds()).isEqualTo(900);
        assertThat(realm.isEventsEnabled()).isTrue();
        assertThat(realm.getEventsExpiration()).isEqualTo(31_536_000L);
        assertThat(realm.isAdminEventsEnabled()).isTrue();
        assertThat(realm.isAdminEventsDetailsEnabled()).isTrue();
    }

    @Test
    @DisplayName("has the public PKCE client lets and the confidential client ecrime, without account roles in their tokens")
    void clients(RealmAdmin admin) {
        ClientRepresentation lets = admin.realm().clients().findByClientId("lets").get(0);
        assertThat(lets.isPublicClient()).isTrue();
        assertThat(lets.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(lets.isFullScopeAllowed()).isFalse();
        assertThat(lets.isDirectAccessGrantsEnabled()).isFalse();

        ClientRepresentation ecrime = admin.realm().clients().findByClientId("ecrime").get(0);
        assertThat(ecrime.isPublicClient()).isFalse();
        assertThat(ecrime.getClientAuthenticatorType()).isEqualTo("client-secret");
        assertThat(ecrime.isFullScopeAllowed()).isFalse();
        assertThat(ecrime.isDirectAccessGrantsEnabled()).isFalse();

        for (ClientRepresentation client : List.of(lets, ecrime)) {
            assertThat(client.getProtocolMappers()).as("mappers of %s", client.getClientId())
                    .extracting(ProtocolMapperRepresentation::getName, ProtocolMapperRepresentation::getProtocolMapper)
                    .contains(tuple("alacop upn", "alacop-upn-mapper"), tuple("alacop amr", "alacop-amr-mapper"));
        }
        // The mappers are client-level: an import with a clientScopes section would drop Keycloak's built-in scopes.
        assertThat(admin.realm().getDefaultDefaultClientScopes()).extracting(ClientScopeRepresentation::getName)
                .contains("basic", "profile");
    }

    @Test
    @DisplayName("production file: no localhost or wildcard redirect / post-logout URIs, exact web origins, no "
            + "password grant, no e-mail reset, WebAuthn and recovery codes off")
    void shippedFile() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ItSettings.projectDir().resolve("realm-export/alacop-realm.json")
                .toFile());
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            List<String> addresses = new ArrayList<>();
            client.path("redirectUris").forEach(u -> addresses.add(u.asText()));
            for (String uri : client.path("attributes").path("post.logout.redirect.uris").asText("").split("##")) {
                if (!uri.isBlank()) {
                    addresses.add(uri);
                }
            }
            addresses.add(client.path("rootUrl").asText(""));
            addresses.add(client.path("baseUrl").asText(""));
            assertThat(addresses).as("addresses of %s", id)
                    .noneMatch(u -> u.contains("localhost") || u.contains("127.0.0.1") || u.contains("*"));
            client.path("webOrigins").forEach(o -> assertThat(o.asText()).as("web origin of %s", id)
                    .doesNotContain("*").isNotEqualTo("+").startsWith("https://"));
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as("password grant of %s", id).isFalse();
        }
        assertThat(realm.path("clients").findValuesAsText("clientId")).contains("lets", "ecrime", "admin-cli");
        assertThat(realm.has("clientScopes")).as("a clientScopes section replaces Keycloak's built-in scopes").isFalse();
        // The self-service reset is on, through our flow only: no e-mail step (it would sign the mailbox holder in).
        assertThat(realm.path("resetPasswordAllowed").asBoolean(false)).isTrue();
        String resetFlow = realm.path("resetCredentialsFlow").asText();
        assertThat(resetFlow).isEqualTo("alacop reset credentials");
        JsonNode reset = java.util.stream.StreamSupport.stream(realm.path("authenticationFlows").spliterator(), false)
                .filter(f -> f.path("alias").asText().equals(resetFlow)).findFirst().orElseThrow();
        assertThat(reset.path("authenticationExecutions").findValuesAsText("authenticator"))
                .containsExactly("alacop-reset-identifier", "alacop-reset-proofs", "alacop-reset-password")
                .doesNotContain("reset-credential-email", "reset-password", "reset-otp");
        for (JsonNode action : realm.path("requiredActions")) {
            if (List.of("webauthn-register", "webauthn-register-passwordless", "CONFIGURE_RECOVERY_AUTHN_CODES")
                    .contains(action.path("alias").asText())) {
                assertThat(action.path("enabled").asBoolean(true)).as(action.path("alias").asText()).isFalse();
            }
        }
        String directGrant = realm.path("directGrantFlow").asText();
        JsonNode flow = StreamSupport.stream(realm.path("authenticationFlows").spliterator(), false)
                .filter(f -> f.path("alias").asText().equals(directGrant)).findFirst().orElseThrow();
        assertThat(flow.path("authenticationExecutions").findValuesAsText("authenticator"))
                .containsExactly("deny-access-authenticator");
    }

    @Test
    @Tag("smoke")
    @DisplayName("refuses the password grant to every user: admin-cli has no direct grants, the direct-grant flow denies")
    void noPasswordGrant(RealmAdmin admin, KeycloakServer server) {
        TestUser officer = TestUsers.officer("Ted", "Kord").create(admin);
        RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", officer.username()).formParam("password", officer.password())
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(Matchers.allOf(Matchers.greaterThanOrEqualTo(400),
                        Matchers.lessThan(500)))
                .body(Matchers.not(Matchers.containsString("access_token")));
        RealmRepresentation realm = admin.realm().toRepresentation();
        assertThat(admin.realm().flows().getExecutions(realm.getDirectGrantFlow()))
                .extracting(e -> e.getProviderId()).containsExactly("deny-access-authenticator");
        ClientRepresentation adminCli = admin.realm().clients().findByClientId("admin-cli").get(0);
        assertThat(adminCli.isDirectAccessGrantsEnabled()).isFalse();

        // A client that still had direct grants on would meet the deny flow: the realm's binding refuses everyone.
        ClientRepresentation script = new ClientRepresentation();
        script.setClientId("it-script-" + UUID.randomUUID().toString().substring(0, 8));
        script.setPublicClient(true);
        script.setDirectAccessGrantsEnabled(true);
        script.setStandardFlowEnabled(false);
        try (Response created = admin.realm().clients().create(script)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", script.getClientId())
                .formParam("username", officer.username()).formParam("password", officer.password())
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(401).body(Matchers.not(Matchers.containsString("access_token")));
    }

    @Test
    @DisplayName("service accounts still get tokens with the client credentials grant")
    void serviceAccountsWork(RealmAdmin admin, KeycloakServer server) {
        ClientRepresentation service = new ClientRepresentation();
        service.setClientId("it-service-" + UUID.randomUUID().toString().substring(0, 8));
        service.setPublicClient(false);
        service.setSecret("it-service-secret-" + UUID.randomUUID());
        service.setServiceAccountsEnabled(true);
        service.setStandardFlowEnabled(false);
        try (Response created = admin.realm().clients().create(service)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", service.getClientId())
                .formParam("client_secret", service.getSecret())
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).body("access_token", Matchers.notNullValue());
    }

    @Test
    @DisplayName("an access token of lets (real browser sign-in) cannot manage the officer's account")
    void applicationTokenCannotManageAccount(Browser browser, TestApplication application, RealmAdmin admin,
            KeycloakServer server) {
        TestUser officer = TestUsers.officer("Kara", "Danvers").create(admin);
        ApplicationPage.startSignIn(browser, application).next(officer.upn()).enter(officer.password());
        String token = ApplicationPage.afterSignIn(browser).accessToken();
        assertThat(token).isNotBlank();
        for (String path : List.of("/account", "/account/credentials")) {
            int status = RestAssured.given().auth().oauth2(token).accept("application/json")
                    .get(server.realmUrl() + path).statusCode();
            assertThat(status).as(path).isIn(401, 403);
        }
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("manage-account").doesNotContain("\"account\"");
    }

    @Test
    @DisplayName("no e-mail reset: 'Can't access your account?' and 'Reset Password' lead to the AlaCOP reset, not Keycloak's e-mail page")
    void noEmailReset(Browser browser, TestApplication application, RealmAdmin admin) {
        RealmRepresentation realm = admin.realm().toRepresentation();
        assertThat(realm.isResetPasswordAllowed()).isTrue();
        assertThat(realm.getResetCredentialsFlow()).isEqualTo("alacop reset credentials");
        TestUser officer = TestUsers.officer("Barbara", "Gordon").create(admin);
        IdentifierPage identifier = ApplicationPage.startSignIn(browser, application);
        assertThat(identifier.cantAccessLink().getAttribute("href")).contains("/login-actions/reset-credentials");
        PasswordPage password = identifier.next(officer.upn());
        assertThat(password.resetPasswordLink().getAttribute("href")).contains("/login-actions/reset-credentials");
        password.resetPasswordLink().click();
        browser.waiting().until(d -> !d.findElements(org.openqa.selenium.By.id("alacop-reset-identifier-form")).isEmpty());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-page-id=login-login-reset-password]")))
                .isEmpty();
    }

    @Test
    @DisplayName("the e-mail address is changed by administrators only (account REST API refuses it)")
    void emailAdministratorOnly(RealmAdmin admin, KeycloakServer server) {
        assertThat(admin.realm().users().userProfile().getConfiguration().getAttributes().stream()
                .filter(a -> a.getName().equals("email")).findFirst().orElseThrow().getPermissions().getEdit())
                .containsExactly("admin");
        TestUser officer = TestUsers.officer("Vic", "Sage").create(admin);
        String token = admin.passwordGrantToken(officer);
        Map<String, Object> account = RestAssured.given().auth().oauth2(token).accept("application/json")
                .get(server.realmUrl() + "/account").then().statusCode(200).extract().as(Map.class);
        Map<String, Object> changed = new HashMap<>(account);
        changed.put("email", "attacker-" + officer.username() + "@example.org");
        RestAssured.given().auth().oauth2(token).contentType("application/json").body(changed)
                .post(server.realmUrl() + "/account");
        assertThat(admin.realm().users().get(officer.id()).toRepresentation().getEmail())
                .isEqualTo(officer.username() + "@example.org");
    }

    @Test
    @DisplayName("validates the agency ORI: 2 letters and 7 letters or digits")
    void oriValidation(RealmAdmin admin) {
        TestUser officer = TestUsers.officer("Ron", "Troupe").create(admin);
        UserRepresentation user = admin.realm().users().get(officer.id()).toRepresentation();
        assertThat(user.getAttributes()).containsEntry("ori", List.of("AL0010000"));

        for (String bad : List.of("AL001", "al0010000", "1L0010000", "AL00100000", "AL-010000")) {
            user.setAttributes(Map.of("ori", List.of(bad)));
            assertThatThrownBy(() -> admin.realm().users().get(officer.id()).update(user))
                    .as("ORI %s", bad)
                    .isInstanceOf(BadRequestException.class);
        }
        assertThat(admin.realm().users().get(officer.id()).toRepresentation().getAttributes())
                .as("a refused update changes nothing")
                .containsEntry("ori", List.of("AL0010000"));
    }

    @Test
    @DisplayName("does not let officers change their own ORI in the account console")
    void oriIsAdministratorOnly(RealmAdmin admin) {
        Map<String, Object> profile = admin.realm().users().userProfile().getConfiguration().getAttributes().stream()
                .filter(a -> a.getName().equals("ori"))
                .findFirst()
                .map(a -> Map.<String, Object>of("edit", a.getPermissions().getEdit(), "view", a.getPermissions().getView()))
                .orElseThrow();
        assertThat(profile).containsEntry("edit", Set.of("admin"));
    }
}
