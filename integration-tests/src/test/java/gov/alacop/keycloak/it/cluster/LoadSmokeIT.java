package gov.alacop.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.benchmarks.load.LoadResult;
import gov.alacop.keycloak.benchmarks.load.SignInLoad;
import gov.alacop.keycloak.it.support.AlaCopCluster;
import gov.alacop.keycloak.it.support.Cluster;
import gov.alacop.keycloak.it.support.ItSettings;

/**
 * The load benchmark's driver (benchmarks/load.sh), for 20 seconds against the two-node cluster, so that it cannot
 * rot: every sign-in it makes (identifier, password, app code, "Stay signed in?" No, code exchange at the relying
 * party, through the balancer's round robin) completes. A smoke, not a measurement: nothing here asserts a time.
 */
@AlaCopCluster
@DisplayName("Load smoke: the load benchmark's officers sign in through the cluster for 20 seconds")
class LoadSmokeIT {

    /** Enough accounts that no officer waits for a new app-code period within the 20 seconds. */
    private static final int OFFICERS = 4;
    private static final int ACCOUNTS_PER_OFFICER = 12;

    @Test
    @DisplayName("4 concurrent officers sign in again and again for 20 s: every sign-in completes, on both nodes")
    void officersSignInRepeatedly(Cluster cluster) throws Exception {
        long servedByA = cluster.balancer().requestsServed("a");
        long servedByB = cluster.balancer().requestsServed("b");

        LoadResult result = SignInLoad.run(SignInLoad.Settings.of(cluster.front().baseUrl())
                .withOfficers(OFFICERS, ACCOUNTS_PER_OFFICER)
                .withDuration(Duration.ofSeconds(20), Duration.ZERO)
                .withRedirectUri(cluster.application().baseUrl() + "/callback")
                .withKeycloakPids(keycloakJvms())
                .withLabel("smoke"));
        System.out.print(result.text());
        Files.writeString(ItSettings.outputDir().resolve("load-smoke.txt"), result.text(), StandardCharsets.UTF_8);

        assertThat(result.errorSamples()).as("failed sign-ins").isEmpty();
        assertThat(result.errors()).as("failed sign-ins").isZero();
        assertThat(result.signIns()).as("completed sign-ins").isPositive();
        assertThat(result.staySignedInAsked()).as("\"Stay signed in?\" answered No").isEqualTo(result.signIns());
        assertThat(cluster.balancer().requestsServed("a")).as("requests node a served").isGreaterThan(servedByA);
        assertThat(cluster.balancer().requestsServed("b")).as("requests node b served").isGreaterThan(servedByB);
    }

    /** The cluster nodes' JVMs (children of this test JVM started from the nodes' copies of the distribution). */
    private static List<Long> keycloakJvms() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                .filter(p -> p.info().commandLine().orElse("").matches(".*keycloak-[^/ ]*-node-[ab].*"))
                .map(ProcessHandle::pid)
                .toList();
    }
}
