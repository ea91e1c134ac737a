package gov.alacop.keycloak.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The administrator's view of the AlaCOP realm, through Keycloak's admin REST API. */
public final class RealmAdmin implements AutoCloseable {

    private final KeycloakServer server;
    private final Keycloak keycloak;

    RealmAdmin(KeycloakServer server) {
        this.server = server;
        this.keycloak = Keycloak.getInstance(server.baseUrl(), "master", KeycloakServer.ADMIN_USERNAME,
                KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    public RealmResource realm() {
        return keycloak.realm(KeycloakServer.REALM);
    }

    /** A master-realm administrator's access token, for REST calls made with RestAssured. */
    public String accessToken() {
        return keycloak.tokenManager().getAccessTokenString();
    }

    /** Set by "Skip setup" of the enrollment wizard (epoch millis); the wizard stays away for 24 hours after it. */
    public static final String MFA_SKIPPED_AT = "alacopMfaSkippedAt";

    /**
     * An officer with a fresh, unique username and a permanent password that satisfies the realm's policy, who
     * chose "Skip setup" of the enrollment wizard a moment ago: journeys that are not about enrollment go on
     * without it. {@link #createOfficerToEnroll} gives an officer the wizard will ask.
     */
    public TestUser createOfficer(String firstName, String lastName, String ori) {
        return createOfficer(firstName, lastName, ori, true);
    }

    /** An officer without security methods who never skipped the enrollment wizard. */
    public TestUser createOfficerToEnroll(String firstName, String lastName, String ori) {
        return createOfficer(firstName, lastName, ori, false);
    }

    private TestUser createOfficer(String firstName, String lastName, String ori, boolean skippedEnrollment) {
        String username = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "Patrol#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1!";
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        user.setEnabled(true);
        Map<String, List<String>> attributes = new java.util.HashMap<>();
        if (ori != null) {
            attributes.put("ori", List.of(ori));
        }
        if (skippedEnrollment) {
            attributes.put(MFA_SKIPPED_AT, List.of(Long.toString(System.currentTimeMillis())));
        }
        user.setAttributes(attributes);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = realm().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Creating " + username + " failed: HTTP " + response.getStatus()
                        + " " + response.readEntity(String.class));
            }
            String location = response.getLocation().getPath();
            return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, password);
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

    public KeycloakServer server() {
        return server;
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
