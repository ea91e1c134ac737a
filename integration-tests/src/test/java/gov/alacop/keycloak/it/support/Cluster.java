package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two AlaCOP Keycloak nodes clustered with Keycloak's embedded Infinispan (discovery through the shared PostgreSQL
 * database), each from its own copy of the distribution, behind a real HAProxy ({@link Balancer}): what an agency
 * runs, on one machine. Officers and the test application reach the cluster at {@link #front()}; a test chooses which
 * node serves a step ({@link #only}), kills a node with SIGKILL ({@link #kill}) and restarts it ({@link #restart}).
 * One per test JVM (see {@link ClusterExtension}); PostgreSQL runs only.
 */
public final class Cluster implements AutoCloseable {

    /** ISPN000094: Received new cluster view for channel ISPN: [node|3] (2) [node, other] */
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view[^\\[]*\\[[^|]*\\|\\d+] \\((\\d+)\\)");
    private static final Duration VIEW_TIMEOUT = Duration.ofMinutes(3);

    private final Map<String, KeycloakServer> nodes;
    private final Balancer balancer;
    private final KeycloakServer front;
    private final RealmAdmin admin;
    private final TestApplication application;
    private final Map<String, CompletableFuture<Void>> restarts = new LinkedHashMap<>();

    private Cluster(Map<String, KeycloakServer> nodes, Balancer balancer) {
        this.nodes = nodes;
        this.balancer = balancer;
        this.front = nodes.get("a").reachedAt(balancer.url());
        this.admin = new RealmAdmin(front);
        this.application = TestApplication.start(front, "lets");
        admin.allowRedirects("lets", application.baseUrl());
        PhoneJourneys.allowManySendsFromTheTestMachine(admin);
    }

    /**
     * Starts node a (which empties the cluster database and imports the realm), then node b (one at a time: two
     * nodes migrating one empty schema at once would race), waits for the view of two members on both, then starts
     * the balancer.
     */
    static Cluster start() {
        String dbUrl = ItSettings.dbUrl() + "_cluster";
        Path outbox = ItSettings.outputDir().resolve("message-outbox-cluster");
        int awsStubPort = freePort();
        Map<String, KeycloakServer> nodes = new LinkedHashMap<>();
        Path home = ItSettings.keycloakHome();
        Path source = home;
        for (String name : new String[] {"a", "b"}) {
            Path copy = home.resolveSibling(home.getFileName() + "-node-" + name);
            nodes.put(name, KeycloakServer.clusterNode("node-" + name, source, copy, dbUrl, outbox, awsStubPort,
                    name.equals("a")));
            // Node b copies node a's distribution, augmented for the cluster's options: it starts without that step.
            source = copy;
        }
        for (KeycloakServer node : nodes.values()) {
            awaitView(node, 2);
        }
        return new Cluster(nodes, Balancer.start(nodes.get("a"), nodes.get("b")));
    }

    /** The cluster as officers and relying parties see it: the balancer's one origin and issuer. */
    public KeycloakServer front() {
        return front;
    }

    /** Node "a" or "b" reached directly (its own listener), e.g. for its log. */
    public KeycloakServer node(String name) {
        KeycloakServer node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("No node " + name + ": a or b");
        }
        return node;
    }

    /** The realm's administrator, through the balancer. */
    public RealmAdmin admin() {
        return admin;
    }

    /** The relying party ("lets"), signing in through the balancer. */
    public TestApplication application() {
        return application;
    }

    public Balancer balancer() {
        return balancer;
    }

    /** The codes both nodes sent (one outbox for the cluster, as one SMS account would see them). */
    public Outbox outbox() {
        return front.outbox();
    }

    /** New requests go to node {@code name} only. */
    public void only(String name) {
        balancer.only(name);
    }

    /** Both nodes take requests (round robin: consecutive requests alternate between them). */
    public void both() {
        balancer.both();
    }

    /**
     * Kills node {@code name} with SIGKILL (no shutdown, nothing flushed), sends every new request to the other one
     * and waits until that one's cluster view has lost the dead node, as it would within seconds in production.
     */
    public void kill(String name) {
        KeycloakServer victim = node(name);
        KeycloakServer survivor = node(other(name));
        victim.kill();
        balancer.only(other(name));
        awaitView(survivor, 1);
    }

    /** Starts the killed node again in the background; {@link #awaitHealthy} waits for it to rejoin. */
    public synchronized CompletableFuture<Void> restart(String name) {
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> node(name).restart());
        restarts.put(name, restart);
        return restart;
    }

    /**
     * Both nodes up and in one view of two members, both behind the balancer, round robin: restarts a node that a
     * test left dead, waits for restarts in flight.
     */
    public synchronized void awaitHealthy() {
        for (String name : nodes.keySet()) {
            if (!node(name).isAlive() && !restarts.containsKey(name)) {
                restart(name);
            }
        }
        restarts.values().forEach(CompletableFuture::join);
        restarts.clear();
        for (KeycloakServer node : nodes.values()) {
            awaitView(node, 2);
        }
        balancer.awaitUp("a");
        balancer.awaitUp("b");
        balancer.both();
    }

    /** The member count of the last cluster view the node's log shows (0 before the first). */
    public static int lastViewSize(KeycloakServer node) {
        Matcher view = VIEW.matcher(readLog(node));
        int size = 0;
        while (view.find()) {
            size = Integer.parseInt(view.group(1));
        }
        return size;
    }

    private static void awaitView(KeycloakServer node, int members) {
        Instant deadline = Instant.now().plus(VIEW_TIMEOUT);
        while (lastViewSize(node) != members) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No cluster view of " + members + " members in " + node.log()
                        + " within " + VIEW_TIMEOUT + " (last: " + lastViewSize(node) + ")");
            }
            Pause.millis(250);
        }
    }

    private static String readLog(KeycloakServer node) {
        try {
            return Files.readString(node.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String other(String name) {
        return name.equals("a") ? "b" : "a";
    }

    @Override
    public void close() {
        application.close();
        admin.close();
        balancer.close();
        nodes.values().forEach(KeycloakServer::stop);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
