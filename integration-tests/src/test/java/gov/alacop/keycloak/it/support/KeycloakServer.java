package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak started from the unpacked distribution with the packaged bundle in its providers/ folder and
 * the AlaCOP realm (plus the development users) imported into a fresh database. One per test JVM.
 */
public final class KeycloakServer {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String REALM = "alacop";

    /** Generous: the first start after a bundle change re-augments Keycloak, minutes on a shared, loaded machine. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(15);

    private final Path home;
    private final Path log;
    private final String realm;
    private final String dbUrl;
    /** The 'log' sender's outbox of this server. */
    private final Path outboxDir;
    private final int httpPort;
    private final int managementPort;
    /** Where a test may run its stand-in for the AWS APIs; the AWS senders point there (the default sender is 'log'). */
    private final int awsStubPort;
    /** A cluster node's Infinispan port (its failure detection uses this + 50000); 0 for a single server. */
    private final int clusterPort;
    /** Where officers reach this server when it is not its own listener (a cluster's balancer); else null. */
    private final String publicUrl;
    private Process process;
    private Duration bootTime;

    private KeycloakServer(Path home, Path log, String realm, String dbUrl, int httpPort, int managementPort) {
        this(home, log, realm, dbUrl, httpPort, managementPort, defaultOutbox(log), freePort(), 0, null);
    }

    private KeycloakServer(Path home, Path log, String realm, String dbUrl, int httpPort, int managementPort,
            Path outboxDir, int awsStubPort, int clusterPort, String publicUrl) {
        this.home = home;
        this.log = log;
        this.realm = realm;
        this.dbUrl = dbUrl;
        this.outboxDir = outboxDir;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.awsStubPort = awsStubPort;
        this.clusterPort = clusterPort;
        this.publicUrl = publicUrl;
    }

    private static Path defaultOutbox(Path log) {
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        return ItSettings.outputDir().resolve(name.equals("keycloak-server") ? "message-outbox"
                : "message-outbox-" + name);
    }

    static KeycloakServer start() {
        Path home = ItSettings.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ": run the tests through Maven (mvn verify), which unpacks it there.");
        }
        KeycloakServer server = new KeycloakServer(home, ItSettings.outputDir().resolve("keycloak-server.log"), REALM,
                ItSettings.dbUrl(), freePort(), freePort());
        server.deployBundle(true);
        server.prepareImport(true, true);
        server.resetDatabase();
        server.launch(false);
        return server;
    }

    /**
     * A Keycloak of its own, as an agency runs it: from its own copy of the distribution ({@code home}, copied from
     * the tests' one when missing), on its own database ({@code dbUrl}, PostgreSQL runs; ignored on H2, which lives
     * in the copy), importing no realm, with or without the bundle. {@code freshDatabase} empties the database first.
     */
    public static KeycloakServer standalone(Path home, String dbUrl, boolean withBundle, boolean freshDatabase,
            String realm, String logName) {
        copyDistribution(ItSettings.keycloakHome(), home);
        KeycloakServer server = new KeycloakServer(home, ItSettings.outputDir().resolve(logName), realm, dbUrl,
                freePort(), freePort());
        server.deployBundle(withBundle);
        server.prepareImport(false, true);
        if (freshDatabase) {
            server.resetDatabase();
        }
        server.launch(false);
        return server;
    }

    /**
     * One node of a cluster (see {@link Cluster}): its own copy of the distribution ({@code home}), the bundle, the
     * cluster's database, outbox and AWS stub port, Infinispan on its own loopback port, behind a balancer that sets
     * the X-Forwarded headers. {@code first}: empties the database and imports the realm (the other nodes find it).
     * {@code source}: the distribution to copy (a node started before, whose augmentation the copy reuses).
     */
    static KeycloakServer clusterNode(String name, Path source, Path home, String dbUrl, Path outboxDir,
            int awsStubPort, boolean first) {
        copyDistribution(source, home);
        KeycloakServer server = new KeycloakServer(home, ItSettings.outputDir().resolve("keycloak-" + name + ".log"),
                REALM, dbUrl, freePort(), freePort(), outboxDir, awsStubPort, freeClusterPort(), null);
        server.deployBundle(true);
        server.prepareImport(first, first);
        if (first) {
            server.resetDatabase();
        }
        server.launch(false);
        return server;
    }

    /** This server as officers reach it through {@code url} (a balancer): same realm, outbox and AWS stub port. */
    KeycloakServer reachedAt(String url) {
        return new KeycloakServer(home, log, realm, dbUrl, httpPort, managementPort, outboxDir, awsStubPort,
                clusterPort, url);
    }

    /** Kills the server's whole process tree with SIGKILL, as a crash or the kernel's OOM killer would. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Process " + handle.pid() + " did not die", e);
            }
        }
    }

    /** Starts the (stopped or killed) server again on the same ports, data and database; its log goes on. */
    void restart() {
        if (isAlive()) {
            throw new IllegalStateException("Keycloak at " + baseUrl() + " is still running");
        }
        launch(true);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The node's HTTP listener, {@code host:port}, for the balancer. */
    String listener() {
        return "127.0.0.1:" + httpPort;
    }

    int managementPort() {
        return managementPort;
    }

    /** Stops this server and its child processes (SIGTERM, then SIGKILL after 30 s). */
    public void shutdown() {
        stop();
    }

    /** The distribution copied without its data/ (database, import), unless the copy exists already. */
    private static void copyDistribution(Path from, Path to) {
        if (Files.isRegularFile(to.resolve("bin/kc.sh"))) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data") || relative.startsWith("providers") && Files.isRegularFile(source)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the Keycloak distribution to " + to, e);
        }
    }

    public String baseUrl() {
        return publicUrl != null ? publicUrl : "http://localhost:" + httpPort;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + realm;
    }

    /** The realm the test application and the sign-in helpers use on this server. */
    public String realm() {
        return realm;
    }

    /** Port on localhost that the aws-sns and aws-voice senders call (see {@link AwsStub}). */
    public int awsStubPort() {
        return awsStubPort;
    }

    /** The 'log' message sender's outbox: one line per text or call (see {@link Outbox}). */
    public Outbox outbox() {
        return new Outbox(outboxDir.resolve("outbox.tsv"));
    }

    public Duration bootTime() {
        return bootTime;
    }

    public Path log() {
        return log;
    }

    /** The server's log as text, e.g. to prove that a secret never reached it. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes providers/ hold exactly the bundle. Unchanged JARs are left untouched so that Keycloak can skip
     * re-augmentation (about 25 s) when the bundle did not change since the last run.
     */
    private void deployBundle(boolean withBundle) {
        Path providers = home.resolve("providers");
        try (Stream<Path> deployed = Files.list(providers); Stream<Path> bundle = Files.list(ItSettings.providersDir())) {
            List<Path> wanted = withBundle ? bundle.filter(p -> p.toString().endsWith(".jar")).toList() : List.of();
            List<String> wantedNames = wanted.stream().map(p -> p.getFileName().toString()).toList();
            for (Path jar : deployed.filter(p -> p.toString().endsWith(".jar")).toList()) {
                if (!wantedNames.contains(jar.getFileName().toString())) {
                    Files.delete(jar);
                }
            }
            for (Path jar : wanted) {
                Path target = providers.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.mismatch(jar, target) != -1
                        || !Files.getLastModifiedTime(jar).equals(Files.getLastModifiedTime(target))) {
                    // With its timestamp: Keycloak re-augments (about 25 s) when a provider's timestamp changed, so
                    // a copy of an augmented distribution with the same options starts without it.
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deploy the bundle into " + providers, e);
        }
    }

    private void prepareImport(boolean alacopRealm, boolean emptyOutbox) {
        Path importDir = home.resolve("data/import");
        Path realmExport = ItSettings.projectDir().resolve("realm-export");
        try {
            deleteRecursively(importDir);
            if (emptyOutbox) {
                deleteRecursively(outboxDir);
            }
            Files.createDirectories(importDir);
            if (!alacopRealm) {
                return;
            }
            Files.copy(realmExport.resolve("alacop-realm.json"), importDir.resolve("alacop-realm.json"));
            Files.copy(realmExport.resolve("dev/alacop-users-0.json"), importDir.resolve("alacop-users-0.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the realm import", e);
        }
    }

    /** The realm is imported only into an empty database: start every run from one. */
    private void resetDatabase() {
        if ("postgres".equals(ItSettings.db())) {
            try (Connection connection = DriverManager.getConnection(dbUrl, ItSettings.dbUsername(),
                    ItSettings.dbPassword()); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reset the PostgreSQL test database " + dbUrl
                        + " (user " + ItSettings.dbUsername() + "). Create it first, see .ci/run.", e);
            }
        } else {
            deleteRecursively(home.resolve("data/h2"));
        }
    }

    /** {@code append}: a restart, whose log goes on after the earlier run's. */
    private void launch(boolean append) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start",
                "--http-enabled=true",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--health-enabled=true",
                "--import-realm",
                "--log-level=INFO"));
        command.addAll(clusterPort == 0 ? List.of("--cache=local") : clusterOptions());
        command.addAll(messageSenderOptions());
        if ("postgres".equals(ItSettings.db())) {
            command.addAll(List.of("--db=postgres", "--db-url=" + dbUrl,
                    "--db-username=" + ItSettings.dbUsername(), "--db-password=" + ItSettings.dbPassword()));
        } else {
            command.add("--db=dev-file");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        Instant started = Instant.now();
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        awaitReady(started);
        bootTime = Duration.between(started, Instant.now());
        System.out.printf("Keycloak %s (%s) ready at %s in %d s, log: %s%n", ItSettings.keycloakVersion(),
                ItSettings.db(), baseUrl(), bootTime.toSeconds(), log);
    }

    /**
     * A node of a two-node cluster on one machine: Infinispan's embedded cache with Keycloak's default discovery
     * (JDBC_PING through the shared database), every listener on loopback, and the balancer's X-Forwarded headers
     * believed (it strips any a client sends: distribution/src/cluster/haproxy.cfg).
     */
    private List<String> clusterOptions() {
        return List.of("--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--http-host=127.0.0.1",
                "--proxy-headers=xforwarded");
    }

    /** Codes go to the 'log' outbox; the AWS senders, when a test picks them, call the stub port with fake keys. */
    private List<String> messageSenderOptions() {
        List<String> options = new ArrayList<>(List.of(
                "--spi-message-sender--provider-default=log",
                "--spi-message-sender--log--allow-in-production=true",
                "--spi-message-sender--log--outbox-dir=" + outboxDir,
                "--spi-message-sender--aws-voice--origination-identity=" + AwsStub.ORIGINATION_NUMBER));
        for (String sender : List.of("aws-sns", "aws-voice")) {
            options.add("--spi-message-sender--" + sender + "--endpoint-override=http://localhost:" + awsStubPort);
            options.add("--spi-message-sender--" + sender + "--region=" + AwsStub.REGION);
            options.add("--spi-message-sender--" + sender + "--access-key-id=" + AwsStub.ACCESS_KEY_ID);
            options.add("--spi-message-sender--" + sender + "--secret-access-key=" + AwsStub.SECRET_ACCESS_KEY);
            options.add("--spi-message-sender--" + sender + "--timeout-millis=" + AwsStub.TIMEOUT_MILLIS);
        }
        return options;
    }

    private void awaitReady(Instant started) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Duration.between(started, Instant.now()).compareTo(STARTUP_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " while starting. Last lines of " + log + ":\n" + tail(60));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak not ready after " + STARTUP_TIMEOUT + ". Last lines of " + log
                + ":\n" + tail(60));
    }

    /** kc.sh does not exec java: stop the whole process tree. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A free port P for Infinispan whose P + 50000 (its failure detection) is free too. */
    private static int freeClusterPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 7800 + java.util.concurrent.ThreadLocalRandom.current().nextInt(7000);
            if (isFree(port) && isFree(port + 50000)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port pair for the cluster between 7800 and 14800");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
