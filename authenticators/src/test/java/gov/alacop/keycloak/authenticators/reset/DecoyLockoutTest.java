package gov.alacop.keycloak.authenticators.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.alacop.keycloak.authenticators.reset.DecoyLockout.Rule;
import gov.alacop.keycloak.authenticators.reset.DecoyLockout.State;

@DisplayName("a decoy locks where Keycloak's brute-force protection locks a real account")
class DecoyLockoutTest {

    /** The shipped realm: 5 failures, a temporary lockout of 15 minutes, a 1 s quick-login check with 60 s wait. */
    static final Rule SHIPPED = new Rule(5, false, 1000, 60, 900, 900, 43_200);

    @Test
    @DisplayName("the 5th failure locks for the wait increment; four do not")
    void fifthFailureLocks() {
        State state = State.NONE;
        long now = 1_000_000;
        for (int i = 1; i <= 4; i++) {
            now += 2_000;
            state = SHIPPED.failed(state, now);
            assertThat(SHIPPED.locked(state, now + 1)).as("after %d", i).isFalse();
        }
        now += 2_000;
        state = SHIPPED.failed(state, now);
        assertThat(SHIPPED.locked(state, now + 1)).isTrue();
        assertThat(SHIPPED.locked(state, now + 899_000)).isTrue();
        assertThat(SHIPPED.locked(state, now + 900_001)).isFalse();
    }

    @Test
    @DisplayName("two failures within the quick-login check lock for its minimum wait")
    void quickFailuresLock() {
        State state = SHIPPED.failed(State.NONE, 10_000);
        assertThat(SHIPPED.locked(state, 10_001)).isFalse();
        state = SHIPPED.failed(state, 10_500);
        assertThat(SHIPPED.locked(state, 10_501)).isTrue();
        assertThat(SHIPPED.locked(state, 70_501)).isFalse();
    }

    @Test
    @DisplayName("failures older than the failure reset time no longer count; a permanent lockout never lifts")
    void resetAndPermanent() {
        State state = new State(4, 1_000, 0);
        state = SHIPPED.failed(state, 1_000 + 43_200_001L);
        assertThat(state.failures()).isEqualTo(1);
        Rule permanent = new Rule(5, true, 1000, 60, 900, 900, 43_200);
        State locked = permanent.failed(new State(4, 1_000, 0), 5_000);
        assertThat(permanent.locked(locked, Long.MAX_VALUE - 1)).isTrue();
    }
}
