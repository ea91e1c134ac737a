package gov.alacop.keycloak.it.phone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.openqa.selenium.Cookie;

import gov.alacop.keycloak.it.support.Browser;

/** Posts one form many times at once with the browser's cookies, as a script racing the server would. */
final class ParallelPosts {

    private ParallelPosts() {
    }

    /** The response bodies, in no particular order. */
    static List<String> post(Browser browser, String action, String body, int count) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream()
                .map((Cookie c) -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            bodies.add(response.get().body());
        }
        return bodies;
    }
}
