package gov.alacop.keycloak.adminrest.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the setup (or its undo) does to a realm: each change as <em>what</em>, <em>before</em>, <em>after</em>, with
 * the code that makes it; the settings where the realm's own value stays (already stricter); and the conflicts it
 * reports instead of overwriting. A dry run only describes the plan; otherwise {@link #apply()} runs the changes in
 * order, inside the request's transaction.
 */
final class SetupPlan {

    /** One change; {@code before}/{@code after} are short human-readable texts, never secrets. */
    record Change(String what, String before, String after, Runnable apply) {
    }

    /** A setting the setup leaves: {@code realm} is the realm's value, {@code alacop} what AlaCOP would set. */
    record Note(String what, String realm, String alacop, String reason) {
    }

    static final String NONE = "(none)";

    private final List<Change> changes = new ArrayList<>();
    private final List<Note> kept = new ArrayList<>();
    private final List<Note> conflicts = new ArrayList<>();

    void change(String what, Object before, Object after, Runnable apply) {
        changes.add(new Change(what, text(before), text(after), apply));
    }

    void kept(String what, Object realm, Object alacop, String reason) {
        kept.add(new Note(what, text(realm), text(alacop), reason));
    }

    void conflict(String what, Object realm, Object alacop, String reason) {
        conflicts.add(new Note(what, text(realm), text(alacop), reason));
    }

    List<Change> changes() {
        return changes;
    }

    List<Note> conflicts() {
        return conflicts;
    }

    void apply() {
        changes.forEach(change -> change.apply().run());
    }

    Map<String, Object> toJson(String realm, String action, boolean dryRun) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("realm", realm);
        json.put("action", action);
        json.put("dryRun", dryRun);
        json.put("applied", !dryRun && !changes.isEmpty());
        json.put("changes", changes.stream().map(c -> row("what", c.what(), "before", c.before(), "after", c.after()))
                .toList());
        json.put("kept", kept.stream().map(SetupPlan::row).toList());
        json.put("conflicts", conflicts.stream().map(SetupPlan::row).toList());
        return json;
    }

    /** The plan as the command-line script prints it. */
    String toText(String realm, String action, boolean dryRun) {
        StringBuilder out = new StringBuilder();
        out.append("AlaCOP ").append(action).append(" of realm '").append(realm).append("'")
                .append(dryRun ? " (dry run: nothing changed)" : changes.isEmpty() ? " (nothing to change)" : " (applied)")
                .append('\n');
        out.append(changes.size()).append(changes.size() == 1 ? " change, " : " changes, ")
                .append(kept.size()).append(" kept, ")
                .append(conflicts.size()).append(conflicts.size() == 1 ? " conflict" : " conflicts").append('\n');
        for (Change change : changes) {
            out.append("  change    ").append(change.what()).append(": ").append(change.before()).append(" -> ")
                    .append(change.after()).append('\n');
        }
        for (Note note : kept) {
            out.append("  kept      ").append(note.what()).append(": ").append(note.realm()).append(" (AlaCOP: ")
                    .append(note.alacop()).append("; ").append(note.reason()).append(")\n");
        }
        for (Note note : conflicts) {
            out.append("  CONFLICT  ").append(note.what()).append(": ").append(note.realm()).append(" (AlaCOP: ")
                    .append(note.alacop()).append("; ").append(note.reason()).append(")\n");
        }
        return out.toString();
    }

    private static Map<String, Object> row(Note note) {
        return row("what", note.what(), "realm", note.realm(), "alacop", note.alacop(), "reason", note.reason());
    }

    private static Map<String, Object> row(String... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String text(Object value) {
        if (value == null) {
            return NONE;
        }
        String text = value.toString();
        return text.isEmpty() ? NONE : text;
    }
}
