package gov.alacop.keycloak.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import gov.alacop.keycloak.common.messaging.Channel;

@DisplayName("Send limits")
class SendLimitsTest {

    @ParameterizedTest(name = "{0}, {1} ms after the last send -> wait {2} ms")
    @CsvSource({"TEXT,0,30000", "TEXT,29999,1", "TEXT,30000,0", "VOICE,30000,30000", "VOICE,60000,0"})
    @DisplayName("the resend cooldown is 30 s for text and 60 s for voice")
    void cooldown(Channel channel, long elapsed, long wait) {
        long last = 1_000_000;
        assertThat(SendLimits.cooldownRemaining(channel, last, last + elapsed)).isEqualTo(wait);
    }

    @Test
    @DisplayName("no earlier send, no cooldown")
    void firstSend() {
        assertThat(SendLimits.cooldownRemaining(Channel.VOICE, 0, 5)).isZero();
    }

    @ParameterizedTest(name = "{0}: limit {1} per {2} ms")
    @CsvSource({"USER,5,3600000", "NUMBER,10,86400000", "IP,30,3600000"})
    @DisplayName("each scope has its window and default limit")
    void windows(SendLimits.Scope scope, int limit, long length) {
        long now = 1_800_000_123_456L;
        SendLimits.Window window = SendLimits.window(scope, now, PhoneLimits.DEFAULTS.limit(scope));
        assertThat(window.limit()).isEqualTo(limit);
        assertThat(window.lengthMillis()).isEqualTo(length);
        assertThat(window.startMillis()).isLessThanOrEqualTo(now);
        assertThat(window.endMillis()).isGreaterThan(now);
        assertThat(window.startMillis() % length).isZero();
    }

    @Test
    @DisplayName("a realm's own limit replaces the default, in the same window")
    void configuredLimit() {
        long now = 1_800_000_123_456L;
        assertThat(SendLimits.window(SendLimits.Scope.IP, now, 2))
                .isEqualTo(new SendLimits.Window(SendLimits.Scope.IP, SendLimits.window(SendLimits.Scope.IP, now,
                        SendLimits.PER_IP_PER_HOUR).startMillis(), SendLimits.HOUR_MILLIS, 2));
    }

    @ParameterizedTest(name = "{0} ms -> {1} s")
    @CsvSource({"1,1", "1000,1", "1001,2", "0,1", "59000,59"})
    @DisplayName("waiting times round up to whole seconds")
    void seconds(long millis, long seconds) {
        assertThat(SendLimits.secondsUntil(millis, 0)).isEqualTo(seconds);
    }
}
