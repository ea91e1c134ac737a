package gov.alacop.keycloak.it.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;

import io.restassured.http.ContentType;

/** The administrator's view of the AlaCOP realm, through Keycloak's admin REST API. */
public final class RealmAdmin implements AutoCloseable {

    private final KeycloakServer server;
    private final Keycloak keycloak;

    /** The master realm's admin of that server; close it when done. */
    public static RealmAdmin of(KeycloakServer server) {
        return new RealmAdmin(server);
    }

    RealmAdmin(KeycloakServer server) {
        this.server = server;
        this.keycloak = Keycloak.getInstance(server.baseUrl(), "master", KeycloakServer.ADMIN_USERNAME,
                KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    public RealmResource realm() {
        return keycloak.realm(KeycloakServer.REALM);
    }

    /** Another realm of the server (one a test created). */
    /** The admin client itself, e.g. to create a realm. */
    public Keycloak keycloak() {
        return keycloak;
    }

    public RealmResource realm(String name) {
        return keycloak.realm(name);
    }

    /** A master-realm administrator's access token, for REST calls made with RestAssured. */
    public String accessToken() {
        return keycloak.tokenManager().getAccessTokenString();
    }

    /** Set by "Skip setup" of the enrollment wizard (epoch millis); the wizard stays away for 24 hours after it. */
    public static final String MFA_SKIPPED_AT = "alacopMfaSkippedAt";

    /** The base32 key of the authenticator app {@link TestUsers.Builder#withTotp()} gives an officer. */
    public static final String APP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP";

    /** An app code of the current period (a test that signs in once). */
    public static String appCode() {
        return new AppCodes().next();
    }

    /**
     * App codes for a test that signs in several times: Keycloak accepts a code once (the realm's OTP policy), so
     * each call gives the code of a later 30-second period than the last one (the look-ahead window accepts the next
     * period; beyond that, it waits).
     */
    public static final class AppCodes {
        private long lastStep = Long.MIN_VALUE;

        public String next() {
            long step = Instant.now().getEpochSecond() / 30;
            if (step <= lastStep) {
                step = lastStep + 1;
                while (step > Instant.now().getEpochSecond() / 30 + 1) {
                    Pause.millis(1000);
                }
            }
            lastStep = step;
            return Totp.code(APP_SECRET, Instant.ofEpochSecond(step * 30));
        }
    }

    /** Registers the test application's address as a valid redirect and post-logout URI of the client. */
    void allowRedirects(String clientId, String applicationBaseUrl) {
        ClientRepresentation client = realm().clients().findByClientId(clientId).get(0);
        List<String> redirects = new ArrayList<>(client.getRedirectUris());
        redirects.add(applicationBaseUrl + "/*");
        client.setRedirectUris(redirects);
        Map<String, String> attributes = client.getAttributes();
        attributes.put("post.logout.redirect.uris",
                attributes.getOrDefault("post.logout.redirect.uris", "") + "##" + applicationBaseUrl + "/*");
        realm().clients().get(client.getId()).update(client);
    }

    /** Test-only client and flow: Keycloak's own password check, for tests that need a user's token quickly. */
    static final String PASSWORD_GRANT_CLIENT = "it-password-grant";
    static final String PASSWORD_GRANT_FLOW = "it-password-grant-test-only";

    /**
     * A user's access token from the password alone, through a client and flow that exist only in the tests (the
     * shipped realm refuses the password grant to every user): tests of the account REST API and of realm-management
     * roles use it where the browser journey is not what they are about. Same roles and audience as any token with
     * the user's full scope.
     */
    public String passwordGrantToken(TestUser user) {
        ensurePasswordGrantClient();
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", PASSWORD_GRANT_CLIENT)
                .formParam("username", user.username()).formParam("password", user.password())
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A refresh token of an offline session of the user ({@code scope=offline_access}) from the test-only password grant. */
    public String passwordGrantOfflineToken(TestUser user) {
        ensurePasswordGrantClient();
        String clientId = realm().clients().findByClientId(PASSWORD_GRANT_CLIENT).get(0).getId();
        if (realm().clients().get(clientId).getOptionalClientScopes().stream()
                .noneMatch(scope -> "offline_access".equals(scope.getName()))) {
            String scopeId = realm().clientScopes().findAll().stream()
                    .filter(scope -> "offline_access".equals(scope.getName())).findFirst().orElseThrow().getId();
            realm().clients().get(clientId).addOptionalClientScope(scopeId);
        }
        // Offline tokens need the realm's offline_access role, which the tests' users are not given by default.
        realm().users().get(user.id()).roles().realmLevel()
                .add(List.of(realm().roles().get("offline_access").toRepresentation()));
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", PASSWORD_GRANT_CLIENT)
                .formParam("scope", "openid offline_access")
                .formParam("username", user.username()).formParam("password", user.password())
                .post(server.realmUrl() + "/protocol/openid-connect/token")
                .then().log().ifValidationFails().statusCode(200).extract().path("refresh_token");
    }

    /** The status of a refresh with this token at the test-only client (200, or 400 once it is revoked). */
    public int refreshStatus(String refreshToken) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token").formParam("client_id", PASSWORD_GRANT_CLIENT)
                .formParam("refresh_token", refreshToken)
                .post(server.realmUrl() + "/protocol/openid-connect/token").statusCode();
    }

    /** The raw answer of the test-only password grant (e.g. to see a refusal). */
    public io.restassured.response.Response passwordGrant(String username, String password) {
        ensurePasswordGrantClient();
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", PASSWORD_GRANT_CLIENT)
                .formParam("username", username).formParam("password", password)
                .post(server.realmUrl() + "/protocol/openid-connect/token");
    }

    private synchronized void ensurePasswordGrantClient() {
        if (!realm().clients().findByClientId(PASSWORD_GRANT_CLIENT).isEmpty()) {
            return;
        }
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(PASSWORD_GRANT_FLOW);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        try (Response created = realm().flows().createFlow(flow)) {
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Creating the test flow: HTTP " + created.getStatus());
            }
        }
        for (String provider : List.of("direct-grant-validate-username", "direct-grant-validate-password")) {
            realm().flows().addExecution(PASSWORD_GRANT_FLOW, Map.of("provider", provider));
        }
        for (AuthenticationExecutionInfoRepresentation execution : realm().flows().getExecutions(PASSWORD_GRANT_FLOW)) {
            execution.setRequirement("REQUIRED");
            realm().flows().updateExecutions(PASSWORD_GRANT_FLOW, execution);
        }
        String flowId = realm().flows().getFlows().stream().filter(f -> PASSWORD_GRANT_FLOW.equals(f.getAlias()))
                .findFirst().orElseThrow().getId();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(PASSWORD_GRANT_CLIENT);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId));
        try (Response created = realm().clients().create(client)) {
            if (created.getStatus() != 201) {
                throw new IllegalStateException("Creating the test client: HTTP " + created.getStatus());
            }
        }
    }

    public KeycloakServer server() {
        return server;
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
