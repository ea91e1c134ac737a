package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sign-in driven over plain HTTP (no browser), for measuring how long the password step takes to answer. It keeps
 * its own cookies: Keycloak marks them {@code Secure} even on plain-HTTP localhost, which the JDK's cookie manager
 * would drop.
 */
public final class FormSignIn {

    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String action;

    /** Opens the client's sign-in and submits the identifier; then the password page's form is the next one. */
    public static FormSignIn atPasswordPage(KeycloakServer server, String clientId, String redirectUri,
            String identifier) {
        FormSignIn signIn = new FormSignIn();
        String auth = server.realmUrl() + "/protocol/openid-connect/auth?client_id=" + encode(clientId)
                + "&response_type=code&scope=openid&redirect_uri=" + encode(redirectUri)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        signIn.remember(signIn.send(HttpRequest.newBuilder(URI.create(auth)).GET().build()));
        signIn.remember(signIn.post("username=" + encode(identifier)));
        return signIn;
    }

    /** The RFC 7636 example verifier; its challenge is the one {@link #atPasswordPage} sends. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    /**
     * A whole sign-in with {@code scope} (e.g. {@code openid offline_access}) by an officer without a second factor
     * who is not asked to enroll; answers "No" to "Stay signed in?" if asked. Returns the token endpoint's JSON.
     */
    public static String signInForTokens(KeycloakServer server, String clientId, String redirectUri, String scope,
            String identifier, String password) {
        FormSignIn signIn = new FormSignIn();
        String auth = server.realmUrl() + "/protocol/openid-connect/auth?client_id=" + encode(clientId)
                + "&response_type=code&scope=" + encode(scope) + "&redirect_uri=" + encode(redirectUri)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        signIn.remember(signIn.send(HttpRequest.newBuilder(URI.create(auth)).GET().build()));
        signIn.remember(signIn.post("username=" + encode(identifier)));
        HttpResponse<String> page = signIn.post("password=" + encode(password));
        String location = null;
        for (int step = 0; step < 6; step++) {
            location = page.headers().firstValue("Location").orElse(null);
            if (location != null && location.startsWith(redirectUri)) {
                break;
            }
            if (location != null) {
                // Keycloak's own hops (required actions): follow them.
                page = signIn.send(HttpRequest.newBuilder(URI.create(location)).GET().build());
            } else if (page.statusCode() == 200 && page.body().contains("name=\"staySignedIn\"")) {
                signIn.remember(page);
                page = signIn.post("staySignedIn=no");
            } else {
                throw new IllegalStateException("sign-in did not finish: HTTP " + page.statusCode());
            }
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location == null ? "" : location);
        if (!code.find()) {
            throw new IllegalStateException("no code in the redirect to the application: "
                    + (location == null ? "none" : location.replaceAll("[?#].*", "?…")));
        }
        String form = "grant_type=authorization_code&client_id=" + encode(clientId) + "&code=" + code.group(1)
                + "&redirect_uri=" + encode(redirectUri) + "&code_verifier=" + VERIFIER;
        return signIn.send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).body();
    }

    /** Posts {@code form} (URL-encoded) to the last page's form and returns the answer; its form is the next one. */
    public HttpResponse<String> submit(String form) {
        HttpResponse<String> response = post(form);
        remember(response);
        return response;
    }

    /** Submits a password and returns how long the server took to answer (the refusal page). */
    public Duration timePassword(String password) {
        long start = System.nanoTime();
        HttpResponse<String> response = post("password=" + encode(password));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        remember(response);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("password step answered HTTP " + response.statusCode());
        }
        return took;
    }

    private HttpResponse<String> post(String form) {
        if (action == null) {
            throw new IllegalStateException("no form on the last page");
        }
        return send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            withCookies.header("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(HttpResponse<String> page) {
        Matcher form = ACTION.matcher(page.body());
        action = form.find() ? form.group(1).replace("&amp;", "&") : null;
    }

    /** The median of a list of durations. */
    public static Duration median(List<Duration> values) {
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
