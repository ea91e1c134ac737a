package gov.alacop.keycloak.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one officer's browser keeps between requests: its connection (HTTP/1.1, like a browser to a plain-HTTP origin)
 * and its cookies. Redirects are followed by the caller so that each hop counts towards the step that caused it. The
 * cookie jar is its own: Keycloak marks its cookies {@code Secure} even on plain-HTTP loopback, which the JDK's cookie
 * manager would drop.
 */
final class BrowserSession {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** A new browser session: no cookies (the officer signed out, or another officer at the same terminal). */
    void forgetCookies() {
        cookies.clear();
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    HttpResponse<String> postForm(URI uri, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(REQUEST_TIMEOUT).header("Accept", "text/html,application/json");
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String[] parts = set.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).strip();
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip().toLowerCase();
                expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")
                        || attribute.startsWith("expires=thu, 01-jan-1970");
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, parts[0].substring(eq + 1).strip());
            }
        }
        return response;
    }
}
