package gov.alacop.keycloak.common.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which agencies must set up their methods, and since when. Entries: {@code ORI} (enforced now), {@code ORI@yyyy-mm-dd}
 * (enforced from that day), {@code *} (everyone, also with a date). Users without an ORI follow {@code noOriEnforced}.
 * Entries that cannot be read are ignored (and reported by {@link #invalid()}).
 */
public final class Rollout {

    public static final String EVERYONE = "*";

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
                if (ori.isEmpty()) {
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
        if (ori == null || ori.isBlank()) {
            return noOriEnforced ? Optional.of(LocalDate.MIN) : Optional.empty();
        }
        String key = ori.strip().toUpperCase(Locale.ROOT);
        return entries.stream()
                .filter(e -> e.ori.equals(key) || e.ori.equals(EVERYONE))
                .map(Entry::since)
                .min(LocalDate::compareTo);
    }

    public boolean enforced(String ori, LocalDate today) {
        return enforcedSince(ori).map(since -> !since.isAfter(today)).orElse(false);
    }

    public List<String> invalid() {
        return invalid;
    }
}
