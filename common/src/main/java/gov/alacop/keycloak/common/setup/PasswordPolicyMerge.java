package gov.alacop.keycloak.common.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges AlaCOP's password rules into a realm's password-policy string ({@code length(14) and notUsername and ...})
 * without weakening it: a rule the realm lacks is added, a rule the realm has with a stricter value keeps the
 * realm's value, the realm's other rules stay as they are. Pure text: Keycloak parses the result when it is set.
 */
public final class PasswordPolicyMerge {

    /** The prefix of the bundle's own policy ids: a Keycloak without the bundle cannot load them. */
    public static final String BUNDLE_POLICY_PREFIX = "alacop";

    private static final Pattern RULE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*(?:\\((.*)\\))?\\s*");

    /** How a numeric rule compares; flag rules (no value) are either there or not. */
    private static final Map<String, Strictness> NUMERIC = Map.ofEntries(
            Map.entry("length", Strictness.HIGHER),
            Map.entry("upperCase", Strictness.HIGHER),
            Map.entry("lowerCase", Strictness.HIGHER),
            Map.entry("digits", Strictness.HIGHER),
            Map.entry("specialChars", Strictness.HIGHER),
            Map.entry("passwordHistory", Strictness.HIGHER),
            Map.entry("passwordAge", Strictness.HIGHER),
            Map.entry("alacopMinPasswordAge", Strictness.HIGHER),
            Map.entry("hashIterations", Strictness.HIGHER),
            Map.entry("forceExpiredPasswordChange", Strictness.LOWER),
            Map.entry("maxAuthAge", Strictness.LOWER));

    /** {@code maxLength} is kept when the realm's is lower, as long as it still allows the merged minimum length. */
    private static final String MAX_LENGTH = "maxLength";
    private static final String MIN_LENGTH = "length";

    private PasswordPolicyMerge() {
    }

    /** One rule of a policy string; {@code value} is null for a rule without parentheses. */
    public record Rule(String id, String value) {
        @Override
        public String toString() {
            return value == null ? id : id + "(" + value + ")";
        }
    }

    /** A rule where the realm's value stays: {@code conflict} when AlaCOP's rule cannot be met together with it. */
    public record Kept(String rule, String realmValue, String alacopValue, String reason, boolean conflict) {
    }

    public record Result(String policy, List<Kept> kept) {
        public boolean changes(String before) {
            return !normalize(before).equals(normalize(policy));
        }
    }

    public static List<Rule> parse(String policy) {
        List<Rule> rules = new ArrayList<>();
        if (policy == null || policy.isBlank()) {
            return rules;
        }
        for (String part : policy.split("\\s+and\\s+")) {
            Matcher m = RULE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a password-policy rule: " + part);
            }
            rules.add(new Rule(m.group(1), m.group(2) == null ? null : m.group(2).strip()));
        }
        return rules;
    }

    public static String format(List<Rule> rules) {
        return String.join(" and ", rules.stream().map(Rule::toString).toList());
    }

    /** The same policy written the way {@link #format} writes it; {@code ""} for none. */
    public static String normalize(String policy) {
        return format(parse(policy));
    }

    public static Result merge(String realmPolicy, String alacopPolicy) {
        Map<String, Rule> merged = new LinkedHashMap<>();
        parse(realmPolicy).forEach(rule -> merged.put(rule.id(), rule));
        List<Kept> kept = new ArrayList<>();
        for (Rule ours : parse(alacopPolicy)) {
            Rule theirs = merged.get(ours.id());
            if (theirs == null) {
                merged.put(ours.id(), ours);
            } else if (!sameValue(theirs, ours)) {
                decide(theirs, ours, merged, kept);
            }
        }
        checkMaxLength(merged, parse(alacopPolicy), kept);
        return new Result(format(List.copyOf(merged.values())), kept);
    }

    /** The policy without the bundle's own rules: what a Keycloak without the bundle can load. */
    public static String withoutBundleRules(String policy) {
        return format(parse(policy).stream().filter(rule -> !rule.id().startsWith(BUNDLE_POLICY_PREFIX)).toList());
    }

    private static void decide(Rule theirs, Rule ours, Map<String, Rule> merged, List<Kept> kept) {
        Strictness strictness = NUMERIC.get(ours.id());
        Optional<Long> realmValue = number(theirs.value());
        Optional<Long> alacopValue = number(ours.value());
        if (strictness != null && realmValue.isPresent() && alacopValue.isPresent()) {
            if (strictness.realmMeets(realmValue.get(), alacopValue.get())) {
                kept.add(new Kept(ours.id(), theirs.value(), ours.value(), "the realm's value is stricter", false));
            } else {
                merged.put(ours.id(), ours);
            }
            return;
        }
        if (ours.id().equals(MAX_LENGTH)) {
            return; // decided with the minimum length, below
        }
        kept.add(new Kept(ours.id(), String.valueOf(theirs.value()), String.valueOf(ours.value()),
                "the realm sets this rule differently; the setup does not overwrite it", true));
    }

    private static void checkMaxLength(Map<String, Rule> merged, List<Rule> alacop, List<Kept> kept) {
        Rule ours = alacop.stream().filter(r -> r.id().equals(MAX_LENGTH)).findFirst().orElse(null);
        Rule current = merged.get(MAX_LENGTH);
        if (ours == null || current == null || current == ours) {
            return;
        }
        long min = merged.containsKey(MIN_LENGTH) ? number(merged.get(MIN_LENGTH).value()).orElse(0L) : 0L;
        Optional<Long> theirs = number(current.value());
        Optional<Long> alacopMax = number(ours.value());
        if (theirs.isEmpty() || alacopMax.isEmpty()) {
            return;
        }
        if (theirs.get() < min) {
            kept.add(new Kept(MAX_LENGTH, current.value(), ours.value(),
                    "the realm's maximum length is below the minimum length " + min + ": no password can be set", true));
        } else if (theirs.get() < alacopMax.get()) {
            kept.add(new Kept(MAX_LENGTH, current.value(), ours.value(), "the realm's value is stricter", false));
        } else if (theirs.get() > alacopMax.get()) {
            merged.put(MAX_LENGTH, ours);
        }
    }

    private static boolean sameValue(Rule a, Rule b) {
        return a.value() == null ? b.value() == null : a.value().equals(b.value());
    }

    private static Optional<Long> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
