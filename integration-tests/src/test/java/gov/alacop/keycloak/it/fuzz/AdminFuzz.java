package gov.alacop.keycloak.it.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import gov.alacop.keycloak.it.support.KeycloakServer;
import gov.alacop.keycloak.it.support.RealmAdmin;
import gov.alacop.keycloak.it.support.TestUser;
import gov.alacop.keycloak.it.support.TestUsers;

/**
 * The bundle's admin REST endpoints (admin-rest/: AlaCopAdminResource) with hostile ids, bodies, content types,
 * Accept headers and tokens. The realm setup is only ever called with {@code dryRun=true}: the fuzz never changes the
 * shared realm's configuration.
 */
final class AdminFuzz {

    static final List<String> TARGETS = List.of(
            "POST users/{id}/temporary-password", "POST temporary-passwords (JSON)", "POST temporary-passwords (CSV)",
            "GET mfa/rollout", "DELETE users/{id}/security-methods", "POST setup?dryRun=true",
            "DELETE setup?dryRun=true");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final KeycloakServer server;
    private final RealmAdmin admin;
    private final FuzzInputs inputs;
    private final long seed;
    private final List<String> failures;
    private final String victimId;

    AdminFuzz(KeycloakServer server, RealmAdmin admin, FuzzInputs inputs, long seed, List<String> failures,
            TestUser keeper) {
        this.server = server;
        this.admin = admin;
        this.inputs = inputs;
        this.seed = seed;
        this.failures = failures;
        // A user of its own: the fuzz may reset its methods or issue it a password; the keeper is left alone.
        this.victimId = TestUsers.officer("Fuzz", "Victim").create(admin).id();
    }

    int run(int count) {
        String adminToken = admin.accessToken();
        TestUser plain = TestUsers.officer("Fuzz", "Noroles").create(admin);
        String noRoles = admin.passwordGrantToken(plain);
        String api = server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/alacop/";
        for (int i = 0; i < count; i++) {
            String token = switch (inputs.random().nextInt(10)) {
                case 0 -> null;
                case 1 -> noRoles;
                case 2 -> "not.a.token";
                default -> adminToken;
            };
            String target = inputs.pick(TARGETS);
            String id = switch (inputs.random().nextInt(4)) {
                case 0 -> UUID.randomUUID().toString();
                case 1 -> victimId;
                case 2 -> FuzzInputs.escape(inputs.pick(FuzzInputs.INJECTIONS)).replaceAll("[/?#%\\\\ ]", "");
                default -> "x" + inputs.random().nextInt(1000);
            };
            String path;
            String method;
            String type = inputs.pick(List.of("application/json", "text/csv", "text/plain", "application/xml",
                    "application/json; charset=UTF-16", "application/x-www-form-urlencoded"));
            String accept = inputs.pick(List.of("application/json", "*/*", "text/html", "application/xml",
                    "text/csv", "bogus"));
            String body;
            switch (target) {
                case "POST users/{id}/temporary-password" -> {
                    method = "POST";
                    path = "users/" + enc(id) + "/temporary-password";
                    body = json();
                }
                case "POST temporary-passwords (JSON)" -> {
                    method = "POST";
                    path = "temporary-passwords";
                    body = json();
                    type = inputs.random().nextInt(3) == 0 ? type : "application/json";
                }
                case "POST temporary-passwords (CSV)" -> {
                    method = "POST";
                    path = "temporary-passwords";
                    body = csv();
                    type = inputs.random().nextInt(3) == 0 ? type : "text/csv";
                }
                case "GET mfa/rollout" -> {
                    method = "GET";
                    path = "mfa/rollout" + (inputs.random().nextBoolean() ? "?ori=" + enc(inputs.value()) : "");
                    body = null;
                }
                case "DELETE users/{id}/security-methods" -> {
                    method = "DELETE";
                    path = "users/" + enc(id) + "/security-methods";
                    body = json();
                }
                case "POST setup?dryRun=true" -> {
                    method = "POST";
                    path = "setup?dryRun=true" + (inputs.random().nextBoolean() ? "&clients=" + enc(inputs.value()) : "")
                            + (inputs.random().nextInt(4) == 0 ? "&" + enc(inputs.value()) + "=1" : "");
                    body = "";
                }
                default -> {
                    method = "DELETE";
                    path = "setup?dryRun=true";
                    body = null;
                }
            }
            if (path.length() > 4000) {
                path = path.substring(0, 4000);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", type);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String problem = FormFuzzIT.problem(body, response.statusCode(), response.body());
                if (problem != null) {
                    failures.add("seed " + seed + ", target " + target + " (" + method + " " + FuzzInputs.escape(path)
                            + ", Content-Type " + type + ", Accept " + accept + "), input \""
                            + FuzzInputs.escape(body == null ? "" : body) + "\": " + problem);
                }
            } catch (java.io.IOException e) {
                failures.add("seed " + seed + ", target " + target + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return count;
    }

    private String json() {
        return switch (inputs.random().nextInt(7)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "{\"username\":\"" + inputs.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            case 3 -> "[" + "{\"a\":1},".repeat(inputs.random().nextInt(50)) + "]";
            case 4 -> "{\"sendEmail\":" + inputs.pick(List.of("\"yes\"", "null", "1e999", "[]")) + "}";
            case 5 -> "null";
            default -> "{\"username\":\"fz" + inputs.random().nextInt(100000) + "\",\"firstName\":\""
                    + inputs.pick(FuzzInputs.INJECTIONS).replace("\"", "\\\"") + "\",\"lastName\":\"L\",\"ori\":\""
                    + inputs.pick(List.of("AL0010000", "", "XX", "AL001000\u0000")) + "\",\"ssnLast4\":\""
                    + inputs.pick(List.of("12", "abcd", "2468", "")) + "\"}";
        };
    }

    private String csv() {
        String header = inputs.random().nextInt(3) == 0 ? "" : "username,firstName,lastName,email,ori,ssnLast4\n";
        return switch (inputs.random().nextInt(5)) {
            case 0 -> header;
            case 1 -> header + "\"unterminated,quote\n";
            case 2 -> header + "a,b\n";
            case 3 -> header + ",".repeat(200) + "\n";
            default -> header + "fz" + inputs.random().nextInt(100000) + ","
                    + inputs.pick(FuzzInputs.INJECTIONS).replace("\n", "") + ",L,,AL0010000,"
                    + inputs.pick(List.of("12", "abcd", "=1+1")) + "\n";
        };
    }

    private static String enc(String value) {
        return FormFuzzIT.enc(value).replace("+", "%20");
    }
}
