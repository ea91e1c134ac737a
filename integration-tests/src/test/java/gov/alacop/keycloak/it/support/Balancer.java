package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real HAProxy in front of a cluster's two nodes, with the configuration the bundle ships
 * (distribution/src/cluster/haproxy.cfg). Tests steer it through HAProxy's runtime API: {@link #only} drains the
 * other node (no new requests reach it) so that a flow is served by one chosen node, {@link #both} puts both back.
 */
public final class Balancer implements AutoCloseable {

    private static final String BACKEND = "keycloak";
    private static final String INSTALL_HINT = "The cluster tests need HAProxy: sudo apt-get install -y haproxy "
            + "(or -Dalacop.it.haproxy=/path/to/haproxy).";

    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path log;

    private Balancer(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** Starts HAProxy in front of nodes {@code a} and {@code b} and waits until it reports both up. */
    static Balancer start(KeycloakServer a, KeycloakServer b) {
        Path haproxy = Path.of(System.getProperty("alacop.it.haproxy", "/usr/sbin/haproxy"));
        if (!Files.isExecutable(haproxy)) {
            throw new IllegalStateException("No HAProxy at " + haproxy + ". " + INSTALL_HINT);
        }
        Path config = ItSettings.projectDir().resolve("distribution/src/cluster/haproxy.cfg");
        Path log = ItSettings.outputDir().resolve("haproxy.log");
        int port = freePort();
        int adminPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ALACOP_LB_BIND", "127.0.0.1:" + port);
        env.put("ALACOP_LB_ADMIN", "127.0.0.1:" + adminPort);
        env.put("ALACOP_NODE_A", a.listener());
        env.put("ALACOP_NODE_B", b.listener());
        env.put("ALACOP_MGMT_A", String.valueOf(a.managementPort()));
        env.put("ALACOP_MGMT_B", String.valueOf(b.managementPort()));
        try {
            Files.createDirectories(log.getParent());
            Balancer balancer = new Balancer(builder.start(), port, adminPort, log);
            Runtime.getRuntime().addShutdownHook(new Thread(balancer::close));
            balancer.awaitUp("a");
            balancer.awaitUp("b");
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start HAProxy", e);
        }
    }

    /** Where browsers and relying parties reach the cluster: one origin, one issuer. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** New requests go to {@code server} ("a" or "b") only; the other is drained, its health checks go on. */
    public void only(String server) {
        setState(server, "ready");
        setState(other(server), "drain");
    }

    /** Both servers take requests again (round robin). */
    public void both() {
        setState("a", "ready");
        setState("b", "ready");
    }

    /** Waits until HAProxy's health checks find {@code server} up. */
    public void awaitUp(String server) {
        awaitState(server, true, Duration.ofSeconds(60));
    }

    /** Waits until HAProxy's health checks find {@code server} down (its process gone). */
    public void awaitDown(String server) {
        awaitState(server, false, Duration.ofSeconds(30));
    }

    /** How many requests HAProxy has sent to {@code server} since it started (its "stot" counter). */
    public long requestsServed(String server) {
        List<String> lines = command("show stat").lines().toList();
        List<String> header = List.of(lines.get(0).replaceFirst("^# ", "").split(","));
        int name = header.indexOf("svname");
        int total = header.indexOf("stot");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length > total && BACKEND.equals(fields[0]) && server.equals(fields[name])) {
                return Long.parseLong(fields[total]);
            }
        }
        throw new IllegalStateException("HAProxy reports no server " + server + ":\n" + String.join("\n", lines));
    }

    private void awaitState(String server, boolean up, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited; see " + log);
            }
            try {
                if (isUp(server) == up) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // the runtime API is not listening yet
            }
            Pause.millis(200);
        }
        throw new IllegalStateException("HAProxy did not find server " + server + (up ? " up" : " down") + " within "
                + timeout + "; see " + log);
    }

    /** {@code show servers state}: srv_op_state 2 is "running", as the health checks see it. */
    private boolean isUp(String server) {
        Map<String, Integer> columns = new HashMap<>();
        for (String line : command("show servers state " + BACKEND).lines().toList()) {
            if (line.startsWith("# ")) {
                String[] names = line.substring(2).split(" ");
                for (int i = 0; i < names.length; i++) {
                    columns.put(names[i], i);
                }
            } else if (!columns.isEmpty() && !line.isBlank() && !line.matches("^\\d+$")) {
                String[] fields = line.split(" ");
                if (server.equals(fields[columns.get("srv_name")])) {
                    return "2".equals(fields[columns.get("srv_op_state")]);
                }
            }
        }
        throw new IllegalStateException("HAProxy reports no server " + server);
    }

    private void setState(String server, String state) {
        String answer = command("set server " + BACKEND + "/" + server + " state " + state).strip();
        if (!answer.isEmpty()) {
            throw new IllegalStateException("HAProxy refused 'state " + state + "' for " + server + ": " + answer);
        }
    }

    /** One command on HAProxy's runtime API (a TCP socket on loopback); returns its answer. */
    String command(String command) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), adminPort)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy's runtime API on port " + adminPort, e);
        }
    }

    private static String other(String server) {
        return switch (server) {
            case "a" -> "b";
            case "b" -> "a";
            default -> throw new IllegalArgumentException("No server " + server + ": a or b");
        };
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
