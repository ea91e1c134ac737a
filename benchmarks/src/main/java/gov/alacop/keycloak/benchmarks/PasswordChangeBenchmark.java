package gov.alacop.keycloak.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of a refused password change against an accepted one, for an officer with 24 passwords in the
 * history (current + 23), through the admin API's reset-password (which runs the realm's full password policy).
 * Measured per operation: wall time, and the Keycloak process's CPU time read from /proc/PID/stat (the hashing
 * dominates it). Started by run.sh; plain JDK so it runs as a single-file program.
 *
 * <p>Arguments: base URL, PID of Keycloak's java process, a label for the output.
 */
public final class PasswordChangeBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int REFUSED_RUNS = 20;
    private static final int ACCEPTED_RUNS = 8;
    private static final double TICKS_PER_SECOND = 100.0; // getconf CLK_TCK on Linux

    private final String baseUrl;
    private final long pid;
    private String token;
    private long tokenAt;

    private PasswordChangeBenchmark(String baseUrl, long pid) {
        this.baseUrl = baseUrl;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        PasswordChangeBenchmark benchmark = new PasswordChangeBenchmark(args[0], Long.parseLong(args[1]));
        benchmark.run(args.length > 2 ? args[2] : "");
    }

    private void run(String label) throws Exception {
        String userId = createOfficer();
        for (int i = 0; i < 23; i++) {
            expect(204, reset(userId, validPassword()));
        }
        // warm-up
        reset(userId, "Short#1a");
        expect(204, reset(userId, validPassword()));

        List<Sample> refused = new ArrayList<>();
        for (int i = 0; i < REFUSED_RUNS; i++) {
            refused.add(measure(userId, "Short#1a", 400));
        }
        List<Sample> accepted = new ArrayList<>();
        for (int i = 0; i < ACCEPTED_RUNS; i++) {
            accepted.add(measure(userId, validPassword(), 204));
        }
        double refusedCpu = mean(refused, true);
        double acceptedCpu = mean(accepted, true);
        System.out.printf("%s: refused (too short, 24 history entries): median wall %.1f ms, mean Keycloak CPU %.1f ms "
                + "(n=%d)%n", label, median(refused), refusedCpu, refused.size());
        System.out.printf("%s: accepted (24 history entries):          median wall %.1f ms, mean Keycloak CPU %.1f ms "
                + "(n=%d)%n", label, median(accepted), acceptedCpu, accepted.size());
        System.out.printf("%s: refused/accepted CPU = %.1f %%, wall = %.1f %%%n", label, 100 * refusedCpu / acceptedCpu,
                100 * median(refused) / median(accepted));
    }

    private Sample measure(String userId, String password, int expectedStatus) throws Exception {
        refreshToken();
        long cpuBefore = cpuTicks();
        long start = System.nanoTime();
        int status = reset(userId, password);
        long wall = System.nanoTime() - start;
        long cpuAfter = cpuTicks();
        expect(expectedStatus, status);
        return new Sample(wall / 1e6, (cpuAfter - cpuBefore) * 1000 / TICKS_PER_SECOND);
    }

    private String createOfficer() throws Exception {
        refreshToken();
        String username = "bench" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + username + "\",\"enabled\":true,\"firstName\":\"Bench\",\"lastName\":\"Mark\","
                + "\"email\":\"" + username + "@example.org\",\"credentials\":[{\"type\":\"password\",\"value\":\""
                + validPassword() + "\",\"temporary\":false}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/alacop/users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(201, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private int reset(String userId, String password) throws Exception {
        refreshToken();
        String body = "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/alacop/users/" + userId + "/reset-password"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A fresh master-realm admin token when the last one is older than 40 s (they live 60 s); never inside a sample. */
    private void refreshToken() throws Exception {
        if (token != null && System.currentTimeMillis() - tokenAt < 40_000) {
            return;
        }
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(200, response.statusCode());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no access token");
        }
        token = m.group(1);
        tokenAt = System.currentTimeMillis();
    }

    /** utime + stime of the Keycloak process, in clock ticks. */
    private long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String validPassword() {
        return "Bench#" + UUID.randomUUID().toString().substring(0, 12) + "Aa1";
    }

    private static void expect(int expected, int status) {
        if (status != expected) {
            throw new IllegalStateException("HTTP " + status + ", expected " + expected);
        }
    }

    private static double median(List<Sample> samples) {
        List<Double> walls = new ArrayList<>(samples.stream().map(Sample::wallMillis).toList());
        Collections.sort(walls);
        return walls.get(walls.size() / 2);
    }

    private static double mean(List<Sample> samples, boolean cpu) {
        return samples.stream().mapToDouble(s -> cpu ? s.cpuMillis() : s.wallMillis()).average().orElse(0);
    }

    private record Sample(double wallMillis, double cpuMillis) {
    }
}
