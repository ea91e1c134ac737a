package gov.alacop.keycloak.common.password;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order in which the realm's password policies are checked: the minimum age first (it refuses any change,
 * whatever was typed), then "not your username / e-mail" (the most specific message), then the rules about the
 * password's shape, then unknown policies, and last the rules that compute password hashes. Keycloak itself walks
 * the policies in hash-map order, so a too-short password could cost 24 history hashes before being refused.
 * {@link PasswordRules} checks them in this order.
 */
public final class PolicyOrder {

    /** Policies that hash the candidate password (history: up to 25 hashes; not-recently-used: one per entry). */
    static final Set<String> HASHING = Set.of("passwordHistory", "passwordAge");

    /** Policies checked first: they refuse a change whatever password was typed. */
    static final Set<String> FIRST = Set.of("alacopMinPasswordAge");

    /** Rules that compare with the user's own names. */
    static final Set<String> IDENTITY = Set.of("notUsername", "notEmail", "notContainsUsername");

    /** Rules that only look at the text: Keycloak's built-in ones and our visible-characters rule. */
    static final Set<String> SHAPE = Set.of("alacopVisibleCharacters", "length", "maxLength", "upperCase", "lowerCase",
            "digits", "specialChars", "regexPattern", "passwordBlacklist");

    private PolicyOrder() {
    }

    public static List<String> sort(Collection<String> policyIds) {
        return policyIds.stream()
                .sorted(Comparator.comparingInt(PolicyOrder::rank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** The rules that compute no password hash, in checking order. */
    public static List<String> withoutHashing(Collection<String> policyIds) {
        return sort(policyIds).stream().filter(id -> !HASHING.contains(id)).toList();
    }

    static int rank(String policyId) {
        if (FIRST.contains(policyId)) {
            return 0;
        }
        if (IDENTITY.contains(policyId)) {
            return 1;
        }
        if (SHAPE.contains(policyId)) {
            return 2;
        }
        if (HASHING.contains(policyId)) {
            return 4;
        }
        return 3;
    }
}
