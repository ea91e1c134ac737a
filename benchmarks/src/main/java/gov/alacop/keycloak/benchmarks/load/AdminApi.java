package gov.alacop.keycloak.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few admin REST calls the benchmark needs before it starts: its relying party's redirect, its officers. */
final class AdminApi {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLIENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REDIRECT_URIS = Pattern.compile("\"redirectUris\"\\s*:\\s*\\[([^\\]]*)]");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String realm;
    private final String username;
    private final String password;
    private String token;
    private long tokenAt;

    AdminApi(String baseUrl, String realm, String username, String password) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    /** Adds {@code redirectUri} to the client's valid redirects unless it is there already. */
    void allowRedirect(String clientId, String redirectUri) throws IOException, InterruptedException {
        HttpResponse<String> found = send(request("/clients?clientId=" + encode(clientId)).GET(), 200);
        Matcher id = CLIENT_ID.matcher(found.body());
        if (!id.find()) {
            throw new IllegalStateException("No client " + clientId + " in realm " + realm);
        }
        Matcher uris = REDIRECT_URIS.matcher(found.body());
        String existing = uris.find() ? uris.group(1).strip() : "";
        String quoted = "\"" + json(redirectUri) + "\"";
        if (existing.contains(quoted)) {
            return;
        }
        // Keycloak leaves the fields a client update does not send as they are.
        String body = "{\"clientId\":\"" + json(clientId) + "\",\"redirectUris\":[" + existing
                + (existing.isEmpty() ? "" : ",") + quoted + "]}";
        send(request("/clients/" + id.group(1)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), 204);
    }

    /**
     * An officer of agency {@code ori} as the tests create them: a password, an authenticator app with the given key,
     * and "Skip setup" of the enrollment wizard chosen now (so that the sign-in does not propose a second method).
     */
    void createOfficer(String username, String password, String appSecret, String ori)
            throws IOException, InterruptedException {
        String app = "{\"type\":\"otp\",\"userLabel\":\"Authenticator\",\"createdDate\":" + System.currentTimeMillis()
                + ",\"credentialData\":\"{\\\"subType\\\":\\\"totp\\\",\\\"digits\\\":6,\\\"counter\\\":0,"
                + "\\\"period\\\":30,\\\"algorithm\\\":\\\"HmacSHA1\\\",\\\"secretEncoding\\\":\\\"BASE32\\\"}\","
                + "\"secretData\":\"{\\\"value\\\":\\\"" + appSecret + "\\\"}\"}";
        String body = "{\"username\":\"" + json(username) + "\",\"enabled\":true,\"firstName\":\"Load\","
                + "\"lastName\":\"Officer\",\"email\":\"" + json(username) + "@example.org\",\"emailVerified\":true,"
                + "\"attributes\":{\"ori\":[\"" + json(ori) + "\"],\"alacopMfaSkippedAt\":[\""
                + System.currentTimeMillis() + "\"]},"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + json(password) + "\",\"temporary\":false},"
                + app + "]}";
        send(request("/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Admin API " + response.request().method() + " "
                    + response.uri().getPath() + ": HTTP " + response.statusCode() + ", expected " + expected + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response;
    }

    /** A master-realm admin token, renewed when older than 40 s (they live 60 s). */
    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.currentTimeMillis() - tokenAt < 40_000) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password="
                + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("No admin token from " + baseUrl + ": HTTP " + response.statusCode());
        }
        token = m.group(1);
        tokenAt = System.currentTimeMillis();
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
