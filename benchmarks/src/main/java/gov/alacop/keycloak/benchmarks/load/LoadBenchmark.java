package gov.alacop.keycloak.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load benchmark's command line (started by load.sh): runs {@link SignInLoad} and writes its result as
 * {@code <out>/load-<label>.txt} and {@code .json}. Options (defaults in brackets):
 * <pre>
 *   --url URL                   Keycloak as officers reach it, e.g. the balancer   [http://127.0.0.1:8000]
 *   --officers N                concurrent virtual officers                        [50]
 *   --accounts-per-officer N    accounts each officer rotates through              [1]
 *   --duration SECONDS          measured time                                      [300]
 *   --warmup SECONDS            sign-ins first, not measured (errors count)        [0]
 *   --pid PID                   a Keycloak JVM whose CPU and memory are read (repeat for each node)
 *   --label NAME                names the result files                             [load]
 *   --out DIR                   where they go                                      [benchmarks/target]
 *   --realm, --client, --redirect-uri, --admin-user, --admin-password
 * </pre>
 * Exit status 1 when any sign-in failed.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SignInLoad.Settings settings = SignInLoad.Settings.of("http://127.0.0.1:8000");
        int officers = settings.officers();
        int accounts = settings.accountsPerOfficer();
        Duration duration = settings.duration();
        Duration warmup = settings.warmup();
        List<Long> pids = new ArrayList<>();
        Path out = Path.of("benchmarks/target");
        String realm = settings.realm();
        String client = settings.clientId();
        String redirect = settings.redirectUri();
        String adminUser = settings.adminUsername();
        String adminPassword = settings.adminPassword();
        String url = settings.baseUrl();
        String label = settings.label();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("No value after " + args[i]);
            }
            switch (args[i]) {
                case "--url" -> url = value;
                case "--officers" -> officers = Integer.parseInt(value);
                case "--accounts-per-officer" -> accounts = Integer.parseInt(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--pid" -> pids.add(Long.parseLong(value));
                case "--label" -> label = value;
                case "--out" -> out = Path.of(value);
                case "--realm" -> realm = value;
                case "--client" -> client = value;
                case "--redirect-uri" -> redirect = value;
                case "--admin-user" -> adminUser = value;
                case "--admin-password" -> adminPassword = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
            i++;
        }
        settings = new SignInLoad.Settings(url, realm, client, redirect, officers, accounts, duration, warmup,
                List.copyOf(pids), adminUser, adminPassword, settings.ori(), label);
        LoadResult result = SignInLoad.run(settings);
        String text = result.text();
        System.out.print(text);
        Files.createDirectories(out);
        Files.writeString(out.resolve("load-" + label + ".txt"), text, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("load-" + label + ".json"), result.json(), StandardCharsets.UTF_8);
        System.exit(result.errors() == 0 ? 0 : 1);
    }
}
