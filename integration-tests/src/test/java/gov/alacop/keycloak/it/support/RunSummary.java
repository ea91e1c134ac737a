package gov.alacop.keycloak.it.support;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line at the end of each failsafe execution, so that the CI log shows what each Keycloak minor cost:
 * {@code ==> Keycloak 26.5.6, smoke (postgres): 8 tests, 0 failed, 0 skipped, 286 s}. The time counts from the test
 * JVM's start, so it includes Keycloak's augmentation and boot; the unpack before it is Maven's. Registered through
 * META-INF/services (JUnit's launcher finds it in every test JVM).
 */
public final class RunSummary implements TestExecutionListener {

    private final AtomicInteger tests = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    /** Aborted by an assumption (a feature the minor lacks) or disabled. */
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            tests.incrementAndGet();
            switch (result.getStatus()) {
                case FAILED -> failed.incrementAndGet();
                case ABORTED -> skipped.incrementAndGet();
                case SUCCESSFUL -> {
                    // counted in tests
                }
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            tests.incrementAndGet();
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (tests.get() == 0) {
            return;
        }
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        System.out.printf("==> Keycloak %s, %s (%s): %d tests, %d failed, %d skipped, %d s%n",
                ItSettings.keycloakVersion(), ItSettings.suite(), ItSettings.db(), tests.get(), failed.get(),
                skipped.get(), Duration.between(jvmStart, Instant.now()).toSeconds());
    }
}
