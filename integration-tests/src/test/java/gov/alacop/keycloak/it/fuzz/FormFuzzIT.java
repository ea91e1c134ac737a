package gov.alacop.keycloak.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import gov.alacop.keycloak.it.support.AlaCopKeycloak;
import gov.alacop.keycloak.it.support.FormSignIn;
import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestApplication;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/**
 * Seeded fuzz of the AlaCOP sign-in forms and the bundle's admin REST endpoints (issue 13 §4). See README.md next to
 * this class for how to reproduce a seed, what is covered and the known upstream defects.
 */
@AlaCopKeycloak
@DisplayName("Fuzz: hostile form fields, action values and admin REST calls never give a 500, a trace or a reflection")
class FormFuzzIT {

    /** Stack traces and exception class names in a page or an answer. */
    static final Pattern TRACE = Pattern.compile("Exception\\b|\\tat [a-z]+\\.|at org\\.keycloak\\.|at java\\.");

    /**
     * Hostile requests Keycloak itself refuses with a 5xx or an error page before the bundle's code runs. The suite
     * sends each to the AlaCOP realm and to a realm without the bundle and asserts the same answer: our pages add no
     * failure of their own. Each names the Keycloak issue it matches (searched in the upstream tracker; "unmatched"
     * where none was found).
     */
    static final Map<String, String> UPSTREAM = new LinkedHashMap<>();
    static {
        UPSTREAM.put("form body with a broken percent escape (abc%)", "unmatched");
        UPSTREAM.put("form body with more than 1,000 fields", "unmatched");
        UPSTREAM.put("form body declared charset=UTF-7", "unmatched");
    }

    /**
     * Failures the fuzz finds today that are not fixed yet, each with what is known of it. They are printed with
     * their count on every run (never hidden); any other failure fails the suite. Remove an entry with its fix.
     */
    static final Map<String, String> KNOWN_OPEN = new LinkedHashMap<>();
    static {
        KNOWN_OPEN.put("target identifier raw bytes as multipart/form-data",
                "HTTP 500 on a multipart body to a login form; suspected Keycloak (form parsing before the"
                + " authenticator), not yet compared on a bundle-free realm");
        KNOWN_OPEN.put("setup?dryRun=true (",
                "bundle defect: realm setup with an unparsable Accept header answers HTTP 500, should be a JSON 4xx"
                + " (RESTEasy negotiates @Produces before RealmSetupResource runs); only with Accept: bogus");
    }

    static long seed() {
        String given = System.getProperty("alacop.it.fuzz.seed");
        return given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
    }

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    @DisplayName("identifier and password forms, forged hidden fields, replayed actions, admin REST; the flow still completes")
    void fuzz(KeycloakServer server, RealmAdmin admin, TestApplication application) {
        long seed = seed();
        System.out.println("[fuzz] seed " + seed + " (reproduce with -Dalacop.it.fuzz.seed=" + seed + ")");
        long start = System.nanoTime();
        FuzzInputs inputs = new FuzzInputs(seed);
        String redirect = application.baseUrl() + "/callback";
        TestUser keeper = TestUsers.officer("Fuzz", "Keeper").create(admin);
        TestUser target = TestUsers.officer("Fuzz", "Target").create(admin);

        // Identifier form: a fresh flow per input, hostile value, sometimes forged or duplicated fields.
        for (int i = 0; i < 350; i++) {
            Flow flow = Flow.open(server, "lets", redirect);
            sent++;
            String value = inputs.value();
            String body = "username=" + enc(value);
            switch (inputs.random().nextInt(8)) {
                case 0 -> body = "";
                case 1 -> body = "username=" + enc(value) + "&username=" + enc(inputs.value());
                case 2 -> body = "user=" + enc(value);
                case 3 -> body = body + "&execution=" + enc(inputs.value()) + "&tab_id=" + enc(inputs.value());
                case 4 -> body = body + "&session_code=" + enc(inputs.value()) + "&action=" + enc(inputs.value());
                default -> { }
            }
            String forged = inputs.random().nextInt(6) == 0 ? forgeAction(flow.action, inputs) : flow.action;
            check(seed, "identifier" + (forged.equals(flow.action) ? "" : " (forged action URL)"), value,
                    flow.post(forged, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8)));
        }

        // Identifier form with raw bytes that are not UTF-8, and wrong content types.
        for (int i = 0; i < 100; i++) {
            Flow flow = Flow.open(server, "lets", redirect);
            sent++;
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.writeBytes("username=a".getBytes(StandardCharsets.US_ASCII));
            raw.writeBytes(inputs.invalidUtf8());
            raw.writeBytes("b".getBytes(StandardCharsets.US_ASCII));
            String type = inputs.pick(List.of("application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/json", "text/plain",
                    "multipart/form-data; boundary=x", "application/xml"));
            check(seed, "identifier raw bytes as " + type, FuzzInputs.escape(raw.toByteArray()),
                    flow.post(flow.action, type, raw.toByteArray()));
        }

        // Password form of a real officer (a throwaway one: the failures lock it out for a while).
        Flow passwordFlow = Flow.open(server, "lets", redirect);
        passwordFlow.remember(passwordFlow.post(passwordFlow.action, "application/x-www-form-urlencoded",
                ("username=" + enc(target.upn())).getBytes(StandardCharsets.UTF_8)));
        String firstPasswordAction = passwordFlow.action;
        for (int i = 0; i < 80; i++) {
            sent++;
            String value = inputs.value();
            String body = inputs.random().nextInt(5) == 0 ? "password=" + enc(value) + "&password=" + enc(value)
                    : "password=" + enc(value);
            String action = passwordFlow.action == null || inputs.random().nextInt(4) == 0 ? firstPasswordAction
                    : passwordFlow.action;
            HttpResponse<String> page = passwordFlow.post(action, "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.UTF_8));
            check(seed, "password" + (action.equals(firstPasswordAction) ? " (replayed execution/tab_id)" : ""),
                    value, page);
            passwordFlow.remember(page);
        }

        // Known upstream cases: the same request to the AlaCOP identifier form and to the master realm's sign-in
        // (Keycloak's stock browser flow and theme, no bundle step): the AlaCOP page may fail no worse than the stock one.
        String fields = "username=a" + "&f=1".repeat(1001);
        List<String[]> upstream = List.of(
                new String[] {"form body with a broken percent escape (abc%)", "application/x-www-form-urlencoded",
                    "username=abc%"},
                new String[] {"form body with more than 1,000 fields", "application/x-www-form-urlencoded", fields},
                new String[] {"form body declared charset=UTF-7", "application/x-www-form-urlencoded; charset=UTF-7",
                    "username=+ADw-script+AD4-"});
        for (String[] known : upstream) {
            sent += 2;
            HttpResponse<String> ours = Flow.open(server, "lets", redirect).postToForm(known[1], known[2]);
            Flow stock = Flow.openAt(server.baseUrl() + "/realms/master/protocol/openid-connect/auth?client_id="
                    + "security-admin-console&response_type=code&scope=openid&redirect_uri="
                    + enc(server.baseUrl() + "/admin/master/console/")
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
            HttpResponse<String> theirs = stock.postToForm(known[1], known[2]);
            System.out.println("[fuzz] upstream: " + known[0] + " (" + UPSTREAM.get(known[0]) + "): AlaCOP HTTP "
                    + ours.statusCode() + ", stock realm HTTP " + theirs.statusCode());
            if (ours.statusCode() >= 500 && theirs.statusCode() < 500) {
                failures.add("seed " + seed + ", target identifier, upstream case " + known[0]
                        + ": AlaCOP answers HTTP " + ours.statusCode() + " where the stock realm answers "
                        + theirs.statusCode());
            }
            if (TRACE.matcher(ours.body()).find() && !TRACE.matcher(theirs.body()).find()) {
                failures.add("seed " + seed + ", target identifier, upstream case " + known[0]
                        + ": a trace on the AlaCOP page only");
            }
        }

        // Admin REST endpoints of the bundle.
        AdminFuzz rest = new AdminFuzz(server, admin, inputs, seed, failures, keeper);
        sent += rest.run(520);

        // The flow can still be completed, and what was saved is still there.
        String tokens = FormSignIn.signInForTokens(server, "lets", redirect, "openid", keeper.upn(), keeper.password());
        assertThat(JsonPath.from(tokens).getString("access_token")).as("keeper still signs in with the saved password")
                .isNotBlank();
        assertThat(admin.realm().users().get(keeper.id()).credentials()).as("keeper's password is still stored")
                .anyMatch(c -> "password".equals(c.getType()));

        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("[fuzz] %d inputs sent, targets: identifier, password, admin REST (%d endpoints), seed %d, %d ms%n",
                sent, AdminFuzz.TARGETS.size(), seed, took);
        assertThat(sent).isGreaterThanOrEqualTo(1000);
        Map<String, Integer> known = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (String failure : failures) {
            String match = KNOWN_OPEN.keySet().stream().filter(key -> failure.contains(key)
                    && (!key.startsWith("setup") || failure.contains("Accept bogus"))).findFirst().orElse(null);
            if (match == null) {
                unexpected.add(failure);
            } else {
                known.merge(match, 1, Integer::sum);
            }
        }
        known.forEach((key, n) -> System.out.println("[fuzz] KNOWN OPEN (" + n + "x): " + key + " - "
                + KNOWN_OPEN.get(key)));
        assertThat(unexpected).as("fuzz failures (seed " + seed + ")").isEmpty();
    }

    private static String forgeAction(String action, FuzzInputs inputs) {
        String forged = action;
        for (String name : List.of("execution", "tab_id", "session_code", "client_id")) {
            if (inputs.random().nextBoolean()) {
                forged = forged.replaceAll("([?&]" + name + "=)[^&]*", "$1" + Matcher.quoteReplacement(
                        enc(inputs.pick(List.of("", UUID.randomUUID().toString(), "<script>", "'--", "x".repeat(3000))))));
            }
        }
        return forged;
    }

    void check(long seed, String target, String input, HttpResponse<String> response) {
        String problem = problem(input, response.statusCode(), response.body());
        if (problem != null) {
            failures.add("seed " + seed + ", target " + target + ", input \"" + FuzzInputs.escape(input) + "\": "
                    + problem);
        }
    }

    static String problem(String input, int status, String body) {
        if (status >= 500) {
            return "HTTP " + status;
        }
        Matcher trace = TRACE.matcher(body == null ? "" : body);
        if (trace.find()) {
            return "stack trace or exception name in the answer: "
                    + FuzzInputs.escape(body.substring(Math.max(0, trace.start() - 60), Math.min(body.length(), trace.end() + 60)));
        }
        if (input != null && body != null && input.length() >= 4 && input.matches("(?s).*[<>\"].*")
                && body.contains(input)) {
            return "input reflected unescaped (HTTP " + status + ")";
        }
        return null;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One browser-less flow: its own cookies (Keycloak's are Secure even on http://localhost) and the last form. */
    static final class Flow {
        private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
        private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        String action;

        static Flow open(KeycloakServer server, String clientId, String redirectUri) {
            return openAt(server.realmUrl() + "/protocol/openid-connect/auth?client_id=" + enc(clientId)
                    + "&response_type=code&scope=openid&redirect_uri=" + enc(redirectUri)
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        }

        HttpResponse<String> postToForm(String contentType, String body) {
            return post(action, contentType, body.getBytes(StandardCharsets.ISO_8859_1));
        }

        static Flow openAt(String auth) {
            Flow flow = new Flow();
            flow.remember(flow.send(HttpRequest.newBuilder(URI.create(auth)).GET().build()));
            if (flow.action == null) {
                throw new IllegalStateException("no sign-in form at " + auth);
            }
            return flow;
        }

        HttpResponse<String> post(String url, String contentType, byte[] body) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        HttpResponse<String> send(HttpRequest request) {
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                        .append(value));
                withCookies.header("Cookie", header.toString());
            }
            try {
                HttpResponse<String> response = HTTP.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
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

        void remember(HttpResponse<String> page) {
            Matcher form = ACTION.matcher(page.body());
            action = form.find() ? form.group(1).replace("&amp;", "&") : null;
        }
    }
}
