package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an AlaCOP application (the public client "lets"): it starts an authorization-code + PKCE
 * sign-in, exchanges the code for tokens and shows who signed in. Lives in the test JVM only.
 */
public final class TestApplication implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakServer keycloak;
    private final String clientId;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    /** PKCE verifiers by OAuth state. Test-side only: the product under test keeps no JVM state. */
    private final Map<String, String> verifiers = new ConcurrentHashMap<>();

    private TestApplication(KeycloakServer keycloak, String clientId, HttpServer server) {
        this.keycloak = keycloak;
        this.clientId = clientId;
        this.server = server;
    }

    /** The application as a client of the server's realm ({@link KeycloakServer#realm()}); close it when done. */
    public static TestApplication start(KeycloakServer keycloak, String clientId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            TestApplication app = new TestApplication(keycloak, clientId, server);
            server.createContext("/login", app::login);
            server.createContext("/callback", app::callback);
            server.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Where a browser goes to sign in to the application. */
    public String loginUrl() {
        return baseUrl() + "/login";
    }

    /** Where a browser goes to ask the application for a Keycloak action ({@code kc_action}), e.g. UPDATE_PASSWORD. */
    public String loginUrl(String kcAction) {
        return loginUrl() + "?kc_action=" + encode(kcAction);
    }

    private String redirectUri() {
        return baseUrl() + "/callback";
    }

    private void login(HttpExchange exchange) throws IOException {
        String state = randomToken();
        String verifier = randomToken() + randomToken();
        verifiers.put(state, verifier);
        String location = keycloak.realmUrl() + "/protocol/openid-connect/auth"
                + "?client_id=" + encode(clientId)
                + "&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(redirectUri())
                + "&state=" + state
                + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256";
        String kcAction = parseQuery(exchange.getRequestURI().getRawQuery()).get("kc_action");
        if (kcAction != null) {
            location += "&kc_action=" + encode(kcAction);
        }
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        String body;
        if (query.containsKey("error")) {
            body = page("<p id=\"app-error\">" + escape(query.get("error")) + "</p>");
        } else {
            String verifier = verifiers.remove(query.getOrDefault("state", ""));
            body = verifier == null
                    ? page("<p id=\"app-error\">unknown state</p>")
                    : page(signedIn(query.get("code"), verifier));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String signedIn(String code, String verifier) {
        String form = "grant_type=authorization_code&client_id=" + encode(clientId) + "&code=" + encode(code)
                + "&redirect_uri=" + encode(redirectUri()) + "&code_verifier=" + encode(verifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "<p id=\"app-error\">token endpoint: HTTP " + response.statusCode() + "</p>";
            }
            JsonNode tokens = JSON.readTree(response.body());
            String idToken = tokens.path("id_token").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
            // The tokens the application received, for tests of what they say and allow (a real application keeps them).
            return "<p>Signed in as <span id=\"app-user\">" + escape(claims.path("preferred_username").asText())
                    + "</span></p><p hidden id=\"app-access-token\">" + escape(tokens.path("access_token").asText())
                    + "</p><p hidden id=\"app-id-token\">" + escape(idToken) + "</p>";
        } catch (IOException e) {
            return "<p id=\"app-error\">" + escape(e.toString()) + "</p>";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "<p id=\"app-error\">interrupted</p>";
        }
    }

    private static String page(String content) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>LETS</title></head><body><main>"
                + "<h1 id=\"app-title\">LETS</h1>" + content + "</main></body></html>";
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
