package gov.alacop.keycloak.common.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which agencies must set up their methods, and since when. Entries: {@code ORI} (enforced now), {@code ORI@yyyy-mm-dd}
 * (enforced from that day), {@code *} (everyone, also with a date; "everyone" includes users without an ORI). Users
 * without an ORI are otherwise enforced when {@code noOriEnforced}. Entries that cannot be read are reported by
 * {@link #invalid()}: the administrator's save refuses them ({@code validateConfig}), so a stored rollout never
 * silently exempts an agency whose entry has a typo.
 */
public final class Rollout {

    public static final String EVERYONE = "*";
    /** The ORI format of the user profile: 2 letters (state) and 7 letters or digits. */
    private static final Pattern ORI = Pattern.compile("[A-Z]{2}[A-Z0-9]{7}");

    private record Entry(String ori, LocalDate since) {
    }

    private final List<Entry> entries;
    private final List<String> invalid;
    private final boolean noOriEnforced;

    private Rollout(List<Entry> entries, List<String> invalid, boolean noOriEnforced) {
        this.entries = entries;
        this.invalid = invalid;
        this.noOriEnforced = noOriEnforced;
    }

    public static Rollout parse(List<String> lines, boolean noOriEnforced) {
        List<Entry> entries = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String raw : lines) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            for (String part : raw.split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                int at = part.indexOf('@');
                String ori = (at < 0 ? part : part.substring(0, at)).toUpperCase(Locale.ROOT);
                if (!ori.equals(EVERYONE) && !ORI.matcher(ori).matches()) {
                    invalid.add(part);
                    continue;
                }
                try {
                    LocalDate since = at < 0 ? LocalDate.MIN : LocalDate.parse(part.substring(at + 1));
                    entries.add(new Entry(ori, since));
                } catch (DateTimeParseException e) {
                    invalid.add(part);
                }
            }
        }
        return new Rollout(List.copyOf(entries), List.copyOf(invalid), noOriEnforced);
    }

    /** The earliest day the rule for this ORI applies ({@link LocalDate#MIN} = always), or empty: never enforced. */
    public Optional<LocalDate> enforcedSince(String ori) {
        boolean noOri = ori == null || ori.isBlank();
        if (noOri && noOriEnforced) {
            return Optional.of(LocalDate.MIN);
        }
        String key = noOri ? EVERYONE : ori.strip().toUpperCase(Locale.ROOT);
        return entries.stream()
                .filter(e -> e.ori.equals(key) || e.ori.equals(EVERYONE))
                .map(Entry::since)
                .min(LocalDate::compareTo);
    }

    /**
     * The one enforcement decision: the day the rule for this ORI took effect ({@link LocalDate#MIN}: no start date)
     * when it is enforced on {@code today}, or empty when this user may still skip.
     */
    public Optional<LocalDate> enforcedOn(String ori, LocalDate today) {
        return enforcedSince(ori).filter(since -> !since.isAfter(today));
    }

    public boolean enforced(String ori, LocalDate today) {
        return enforcedOn(ori, today).isPresent();
    }

    public List<String> invalid() {
        return invalid;
    }
}
