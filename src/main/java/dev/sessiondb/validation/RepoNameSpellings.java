package dev.sessiondb.validation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a store spells each repository's name ({@code local/minsky}, {@code local-minsky}) and which spelling is its norm:
 * the most common, a tie going to the one with a slash (Minsky's current form). A store has few repositories, so this stays small.
 */
final class RepoNameSpellings {

    /** Per normalised name, how many sessions use each spelling. */
    private final Map<String, Map<String, Long>> spellings = new HashMap<>();

    void count(String name) {
        if (!name.isBlank()) {
            spellings.computeIfAbsent(RepoNames.normalised(name), key -> new HashMap<>()).merge(name, 1L, Long::sum);
        }
    }

    /** Every spelling counted of {@code name}'s repository, with how many sessions use it. */
    Map<String, Long> variants(String name) {
        return spellings.getOrDefault(RepoNames.normalised(name), Map.of());
    }

    /** The spelling the store's sessions mostly use for {@code name}'s repository; empty when none names it. */
    Optional<String> norm(String name) {
        return variants(name).entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(entry -> entry.getKey().contains("/"))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }
}
