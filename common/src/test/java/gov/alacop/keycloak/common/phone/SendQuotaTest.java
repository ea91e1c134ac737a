package gov.alacop.keycloak.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

import gov.alacop.keycloak.common.phone.SendLimits.Scope;

@DisplayName("The cluster-wide send quota")
class SendQuotaTest {

    /** Keycloak's single-use store in memory: keys with their lifespan, {@code putIfAbsent} as the only writer. */
    static final class InMemoryStore implements SingleUseObjectProvider {
        final Map<String, Long> lifespans = new HashMap<>();

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            return lifespans.putIfAbsent(key, lifespanSeconds) == null;
        }

        @Override
        public Map<String, String> remove(String key) {
            return lifespans.remove(key) == null ? null : Map.of();
        }

        @Override
        public boolean contains(String key) {
            return lifespans.containsKey(key);
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            throw new UnsupportedOperationException("the quota only uses putIfAbsent");
        }

        @Override
        public Map<String, String> get(String key) {
            throw new UnsupportedOperationException("the quota only uses putIfAbsent");
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            throw new UnsupportedOperationException("the quota only uses putIfAbsent");
        }

        @Override
        public void close() {
        }
    }

    /** 10:15 into an hour-aligned moment: the hour window ends in 45 minutes. */
    private static final long NOW = 1_800_000_000_000L - 1_800_000_000_000L % SendLimits.DAY_MILLIS
            + 10 * SendLimits.HOUR_MILLIS + 15 * 60_000;
    private static final PhoneLimits LIMITS = new PhoneLimits(2, 3, 1, 30);
    private static final String NUMBER = "+12055550123";

    private InMemoryStore store;
    private SendQuota quota;

    @BeforeEach
    void setUp() {
        store = new InMemoryStore();
        quota = new SendQuota(store);
    }

    private static Map<Scope, String> subjects(String user, String number, String ip) {
        Map<Scope, String> subjects = new LinkedHashMap<>();
        subjects.put(Scope.USER, user);
        subjects.put(Scope.NUMBER, number);
        subjects.put(Scope.IP, ip);
        return subjects;
    }

    @Nested
    @DisplayName("within one window")
    class OneWindow {

        @Test
        @DisplayName("allows the limit's number of sends, then answers the time until the window ends")
        void limitThenWait() {
            Map<Scope, String> subjects = Map.of(Scope.USER, "user-1");
            assertThat(quota.tryAcquire(subjects, NOW, LIMITS)).isZero();
            assertThat(quota.tryAcquire(subjects, NOW + 1_000, LIMITS)).isZero();
            assertThat(quota.tryAcquire(subjects, NOW + 2_000, LIMITS))
                    .isEqualTo(45 * 60_000L - 2_000);
        }

        @Test
        @DisplayName("counts each subject on its own")
        void subjectsApart() {
            assertThat(quota.tryAcquire(Map.of(Scope.USER, "user-1"), NOW, LIMITS)).isZero();
            assertThat(quota.tryAcquire(Map.of(Scope.USER, "user-1"), NOW, LIMITS)).isZero();
            assertThat(quota.tryAcquire(Map.of(Scope.USER, "user-2"), NOW, LIMITS)).isZero();
        }

        @Test
        @DisplayName("takes a slot in every scope or in none: a full scope gives back the slots already taken")
        void allOrNone() {
            assertThat(quota.tryAcquire(subjects("user-1", NUMBER, "10.0.0.1"), NOW, LIMITS)).isZero();
            assertThat(quota.tryAcquire(subjects("user-2", NUMBER, "10.0.0.1"), NOW, LIMITS)).isZero();
            assertThat(quota.tryAcquire(subjects("user-3", NUMBER, "10.0.0.1"), NOW, LIMITS)).isZero();
            int before = store.lifespans.size();

            long wait = quota.tryAcquire(subjects("user-4", NUMBER, "10.0.0.1"), NOW, LIMITS);

            assertThat(wait).as("the number's day is full").isEqualTo(SendLimits.DAY_MILLIS
                    - (10 * SendLimits.HOUR_MILLIS + 15 * 60_000));
            assertThat(store.lifespans).as("user-4's hour slot given back").hasSize(before);
            assertThat(quota.tryAcquire(Map.of(Scope.USER, "user-4"), NOW, LIMITS)).isZero();
            assertThat(quota.tryAcquire(Map.of(Scope.USER, "user-4"), NOW, LIMITS)).isZero();
        }

        @Test
        @DisplayName("a limit of 0 refuses the first send")
        void zeroLimit() {
            assertThat(quota.tryAcquire(Map.of(Scope.USER, "user-1"), NOW, new PhoneLimits(0, 3, 1, 30))).isPositive();
            assertThat(store.lifespans).isEmpty();
        }
    }

    @Nested
    @DisplayName("across windows")
    class AcrossWindows {

        @Test
        @DisplayName("the next hour starts with free slots again")
        void nextWindow() {
            Map<Scope, String> subjects = Map.of(Scope.USER, "user-1");
            quota.tryAcquire(subjects, NOW, LIMITS);
            quota.tryAcquire(subjects, NOW, LIMITS);
            assertThat(quota.tryAcquire(subjects, NOW, LIMITS)).isPositive();
            assertThat(quota.tryAcquire(subjects, NOW + 45 * 60_000L, LIMITS)).isZero();
        }

        @Test
        @DisplayName("a slot lives until its window ends, so the store forgets it then")
        void slotLifespan() {
            quota.tryAcquire(Map.of(Scope.USER, "user-1"), NOW, LIMITS);
            assertThat(store.lifespans.values()).containsExactly(45 * 60L + 1);
        }
    }

    @Test
    @DisplayName("keeps no phone number, address or user id in a cache key")
    void subjectsHashed() {
        quota.tryAcquire(subjects("user-1", NUMBER, "10.0.0.1"), NOW, LIMITS);
        assertThat(store.lifespans).hasSize(3);
        assertThat(store.lifespans.keySet()).allSatisfy(key -> assertThat(key).startsWith("alacop.phone.send.")
                .doesNotContain(NUMBER, "2055550123", "10.0.0.1", "user-1"));
    }
}
