package gov.alacop.keycloak.it.support;

import java.time.Duration;

/** Waits in a test (e.g. slower than the realm's quick-login check, or past a code's lifetime). */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void of(Duration duration) {
        millis(duration.toMillis());
    }
}
