package gov.alacop.keycloak.authenticators.reset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Which of the officer's questions are asked: {@code count} of them at random, a different set after each try. */
final class QuestionPick {

    private QuestionPick() {
    }

    /** Indices (ascending) of {@code count} of {@code total} questions, other than the {@code previous} set if possible. */
    static List<Integer> pick(int total, int count, List<Integer> previous, Random random) {
        int asked = Math.max(1, Math.min(count, total));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            all.add(i);
        }
        List<Integer> chosen;
        int tries = 0;
        do {
            Collections.shuffle(all, random);
            chosen = all.subList(0, asked).stream().sorted().collect(Collectors.toList());
        } while (asked < total && chosen.equals(previous) && ++tries < 50);
        return chosen;
    }

    static String write(List<Integer> indices) {
        return indices.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The stored pick, or empty when missing or not valid for {@code total} questions. */
    static List<Integer> read(String note, int total) {
        List<Integer> indices = new ArrayList<>();
        if (note == null || note.isBlank()) {
            return indices;
        }
        for (String part : note.split(",")) {
            try {
                int index = Integer.parseInt(part.strip());
                if (index < 0 || index >= total || indices.contains(index)) {
                    return new ArrayList<>();
                }
                indices.add(index);
            } catch (NumberFormatException e) {
                return new ArrayList<>();
            }
        }
        return indices;
    }

    /** {@code count} distinct ids of {@code offered}, the same for the same seed (decoy questions). */
    static List<String> decoyQuestions(List<String> offered, int count, long seed) {
        List<String> shuffled = new ArrayList<>(offered);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }
}
