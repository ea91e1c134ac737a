package gov.alacop.keycloak.authenticators.reset;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which proofs a reset asks for: {@code proofs} proofs from different factors (app, phone, questions) among the
 * {@code allowed} methods, at least one of them a code. Pure, so the rules are unit-tested without Keycloak.
 */
record ResetPlan(int proofs, Set<ResetMethod> allowed) {

    ResetPlan {
        allowed = allowed.isEmpty() ? EnumSet.noneOf(ResetMethod.class) : EnumSet.copyOf(allowed);
    }

    /** The officer's methods that may serve as proofs, in order of preference. */
    List<ResetMethod> usable(Set<ResetMethod> enrolled) {
        List<ResetMethod> usable = new ArrayList<>();
        for (ResetMethod method : ResetMethod.values()) {
            if (allowed.contains(method) && enrolled.contains(method)) {
                usable.add(method);
            }
        }
        return usable;
    }

    /** Whether these methods can complete the reset: enough different factors, and a code among them. */
    boolean eligible(List<ResetMethod> usable) {
        return factors(usable).size() >= proofs && usable.stream().anyMatch(ResetMethod::isCode);
    }

    /**
     * The methods that may give the next proof: of a factor not proven yet, and a code if the last proof must be
     * the code.
     */
    List<ResetMethod> offerable(List<ResetMethod> usable, List<ResetMethod> passed) {
        boolean codeStillNeeded = passed.stream().noneMatch(ResetMethod::isCode);
        boolean lastProof = factors(passed).size() >= proofs - 1;
        Set<ResetMethod.Factor> proven = factors(passed);
        List<ResetMethod> next = new ArrayList<>();
        for (ResetMethod method : usable) {
            if (!proven.contains(method.factor()) && (!codeStillNeeded || !lastProof || method.isCode())) {
                next.add(method);
            }
        }
        return next;
    }

    boolean complete(List<ResetMethod> passed) {
        return factors(passed).size() >= proofs && passed.stream().anyMatch(ResetMethod::isCode);
    }

    /**
     * A method list that looks like a real officer's, for an identifier that cannot be reset: the allowed methods of
     * one of the eligible combinations of factors (a phone brings its text and its voice way), chosen by {@code seed}
     * (a keyed hash of the identifier, so the same identifier always shows the same methods).
     */
    List<ResetMethod> decoy(long seed) {
        ResetMethod.Factor[] all = ResetMethod.Factor.values();
        List<List<ResetMethod>> combinations = new ArrayList<>();
        for (int mask = 1; mask < (1 << all.length); mask++) {
            Set<ResetMethod.Factor> chosen = EnumSet.noneOf(ResetMethod.Factor.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(all[i]);
                }
            }
            List<ResetMethod> combination = new ArrayList<>();
            for (ResetMethod method : ResetMethod.values()) {
                if (chosen.contains(method.factor()) && allowed.contains(method)) {
                    combination.add(method);
                }
            }
            if (factors(combination).equals(chosen) && eligible(combination)) {
                combinations.add(combination);
            }
        }
        if (combinations.isEmpty()) {
            return List.of(ResetMethod.APP);
        }
        return combinations.get((int) Math.floorMod(seed, (long) combinations.size()));
    }

    static Set<ResetMethod.Factor> factors(List<ResetMethod> methods) {
        Set<ResetMethod.Factor> factors = EnumSet.noneOf(ResetMethod.Factor.class);
        methods.forEach(method -> factors.add(method.factor()));
        return factors;
    }
}
