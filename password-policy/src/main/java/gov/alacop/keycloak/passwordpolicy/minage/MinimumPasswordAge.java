package gov.alacop.keycloak.passwordpolicy.minage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The arithmetic of the minimum password age: a password changed at {@code lastChange} may be changed again by
 * its owner from {@code lastChange + hours} on (inclusive). Pure, so it is tested without Keycloak.
 */
public final class MinimumPasswordAge {

    public static final int DEFAULT_HOURS = 24;

    private final Duration minimumAge;

    public MinimumPasswordAge(int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("The minimum password age cannot be negative: " + hours);
        }
        this.minimumAge = Duration.ofHours(hours);
    }

    /** The first instant at which the owner may change the password again. */
    public Instant earliestNextChange(Instant lastChange) {
        return lastChange.plus(minimumAge);
    }

    /** Empty when a change is allowed at {@code now}; otherwise the instant from which it will be. */
    public Optional<Instant> refusedUntil(Instant lastChange, Instant now) {
        Instant earliest = earliestNextChange(lastChange);
        return now.isBefore(earliest) ? Optional.of(earliest) : Optional.empty();
    }

    /**
     * The instant as the officer reads it: the time ("2:05 PM" in en-US, "14:05" in de) and the date ("Nov 30") in
     * the given zone and locale.
     */
    public static When describe(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime local = instant.atZone(zone);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
        String date = DateTimeFormatter.ofPattern("MMM d", locale).format(local);
        // Newer CLDR data puts a narrow no-break space before "PM"; a plain space reads the same everywhere.
        return new When(time.replace('\u202f', ' '), date);
    }

    /** A moment in words: {@code time} ("2:05 PM") and {@code date} ("Nov 30"). */
    public record When(String time, String date) {
    }
}
