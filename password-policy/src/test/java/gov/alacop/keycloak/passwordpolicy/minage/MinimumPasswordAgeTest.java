package gov.alacop.keycloak.passwordpolicy.minage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The minimum password age")
class MinimumPasswordAgeTest {

    private static final Instant CHANGED = Instant.parse("2026-11-29T20:05:00Z");

    @Nested
    @DisplayName("with 24 hours")
    class TwentyFourHours {
        private final MinimumPasswordAge age = new MinimumPasswordAge(24);

        @Test
        @DisplayName("allows the next change exactly 24 hours after the last one")
        void boundaryIsAllowed() {
            assertThat(age.refusedUntil(CHANGED, CHANGED.plusSeconds(24 * 3600))).isEmpty();
        }

        @Test
        @DisplayName("refuses one second before the boundary and names the boundary")
        void oneSecondBeforeIsRefused() {
            assertThat(age.refusedUntil(CHANGED, CHANGED.plusSeconds(24 * 3600 - 1)))
                    .contains(Instant.parse("2026-11-30T20:05:00Z"));
        }

        @Test
        @DisplayName("refuses right after the change")
        void rightAfterIsRefused() {
            assertThat(age.refusedUntil(CHANGED, CHANGED)).isPresent();
        }

        @Test
        @DisplayName("allows a change long after")
        void laterIsAllowed() {
            assertThat(age.refusedUntil(CHANGED, CHANGED.plusSeconds(90 * 24 * 3600))).isEmpty();
        }
    }

    @Test
    @DisplayName("0 hours never refuses")
    void zeroHours() {
        assertThat(new MinimumPasswordAge(0).refusedUntil(CHANGED, CHANGED)).isEmpty();
    }

    @Test
    @DisplayName("a negative number of hours is a configuration error")
    void negative() {
        assertThatThrownBy(() -> new MinimumPasswordAge(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    @DisplayName("names the moment in the officer's zone and locale")
    class Describe {

        @ParameterizedTest(name = "{0} in {1}: {2} on {3}")
        @CsvSource({
                "2026-11-30T20:05:00Z, America/Chicago, en-US, 2:05 PM, Nov 30",
                "2026-11-30T20:05:00Z, America/New_York, en-US, 3:05 PM, Nov 30",
                "2026-11-30T20:05:00Z, UTC, en-US, 8:05 PM, Nov 30",
                "2026-12-01T03:30:00Z, America/Chicago, en-US, 9:30 PM, Nov 30",
                "2026-12-01T03:30:00Z, Europe/Berlin, de-DE, 04:30, Dez. 1",
                "2026-07-04T17:00:00Z, America/Chicago, en-US, 12:00 PM, Jul 4"
        })
        void formats(String instant, String zone, String locale, String time, String date) {
            MinimumPasswordAge.When when = MinimumPasswordAge.describe(Instant.parse(instant), ZoneId.of(zone),
                    Locale.forLanguageTag(locale));
            assertThat(when.time()).isEqualTo(time);
            assertThat(when.date()).isEqualTo(date);
        }
    }
}
