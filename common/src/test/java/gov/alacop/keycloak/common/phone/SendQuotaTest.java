package gov.alacop.keycloak.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.common.testing.FakeKeycloak;
import gov.alacop.keycloak.common.testing.InMemorySingleUseObjects;

@DisplayName("The cluster-wide send quota")
class SendQuotaTest {

    /** 20 minutes into an hour, 20 minutes into a day. */
    private static final long START = 1_800_000_000_000L - Math.floorMod(1_800_000_000_000L, SendLimits.DAY_MILLIS)
            + 20 * 60_000L;
    private static final PhoneLimits LIMITS = new PhoneLimits(2, 3, 1, 30);

    private InMemorySingleUseObjects store;
    private SendQuota quota;

    @BeforeEach
    void setUp() {
        store = new InMemorySingleUseObjects(START);
        quota = new SendQuota(FakeKeycloak.session(store, Map.of()));
    }

    private static Map<SendLimits.Scope, String> subjects(String user, String number, String ip) {
        Map<SendLimits.Scope, String> subjects = new LinkedHashMap<>();
        subjects.put(SendLimits.Scope.USER, user);
        subjects.put(SendLimits.Scope.NUMBER, number);
        subjects.put(SendLimits.Scope.IP, ip);
        return subjects;
    }

    @Test
    @DisplayName("sends go ahead up to the limit; the next is refused with the time until its window ends")
    void upToTheLimit() {
        Map<SendLimits.Scope, String> subjects = subjects("realm/u1", "+12055550100", "10.0.0.1");
        assertThat(quota.tryAcquire(subjects, store.nowMillis(), LIMITS)).isZero();
        assertThat(quota.tryAcquire(subjects, store.nowMillis(), LIMITS)).isZero();
        assertThat(quota.tryAcquire(subjects, store.nowMillis(), LIMITS)).isEqualTo(40 * 60_000L);
    }

    @Test
    @DisplayName("a refused send takes no slot in any scope (all or none)")
    void allOrNone() {
        quota.tryAcquire(subjects("realm/u1", "+12055550100", "10.0.0.1"), store.nowMillis(), LIMITS);
        quota.tryAcquire(subjects("realm/u1", "+12055550100", "10.0.0.1"), store.nowMillis(), LIMITS);
        int slots = store.live().size();

        // The user is full; the other number's and address's slots taken first are given back.
        assertThat(quota.tryAcquire(subjects("realm/u1", "+12055550199", "10.0.0.2"), store.nowMillis(), LIMITS))
                .isPositive();
        assertThat(store.live()).hasSize(slots);
        // So the other number still has all its sends for another user.
        for (int i = 0; i < 3; i++) {
            assertThat(quota.tryAcquire(subjects("realm/u" + (10 + i), "+12055550199", "10.0.0.2"),
                    store.nowMillis(), LIMITS)).isZero();
        }
    }

    @Test
    @DisplayName("each scope counts on its own: a number has its day's sends whoever asks")
    void numberAcrossUsers() {
        for (int i = 0; i < 3; i++) {
            assertThat(quota.tryAcquire(subjects("realm/u" + i, "+12055550100", "10.0.0." + i), store.nowMillis(),
                    LIMITS)).isZero();
        }
        assertThat(quota.tryAcquire(subjects("realm/u9", "+12055550100", "10.0.0.9"), store.nowMillis(), LIMITS))
                .isEqualTo(SendLimits.DAY_MILLIS - 20 * 60_000L);
    }

    @Test
    @DisplayName("the next window starts empty")
    void nextWindow() {
        Map<SendLimits.Scope, String> subjects = subjects("realm/u1", "+12055550100", "10.0.0.1");
        quota.tryAcquire(subjects, store.nowMillis(), LIMITS);
        quota.tryAcquire(subjects, store.nowMillis(), LIMITS);
        store.advanceMillis(40 * 60_000L);
        Map<SendLimits.Scope, String> userOnly = Map.of(SendLimits.Scope.USER, "realm/u1");
        assertThat(quota.tryAcquire(userOnly, store.nowMillis(), LIMITS)).isZero();
    }

    @Test
    @DisplayName("no phone number or address appears in a key of the store")
    void hashedSubjects() {
        quota.tryAcquire(subjects("realm/u1", "+12055550100", "10.0.0.1"), store.nowMillis(), LIMITS);
        assertThat(store.live().keySet()).hasSize(3)
                .noneMatch(key -> key.contains("2055550100") || key.contains("10.0.0.1") || key.contains("u1"));
    }
}
