package dev.sessiondb.validation;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One repository spelled several ways ({@code local/minsky} and {@code local-minsky}): paths
 * built from one spelling miss workspaces made under the other. The most common spelling is
 * the norm (a tie goes to the one with a slash, Minsky's current form); repair renames the rest.
 */
final class RepoNameVariantCheck implements Check {

    /** Per normalised name, how many sessions use each spelling. A store has few repositories, so this stays small. */
    private final Map<String, Map<String, Long>> spellings = new HashMap<>();
    /** Per spelling inspected so far, its rename: the same for every session that spells it so. */
    private final Map<String, Optional<Rename>> renames = new HashMap<>();

    private record Rename(String norm, String message, String fix) {
    }

    @Override
    public String name() {
        return "repo-name-variant";
    }

    @Override
    public boolean needsSurvey() {
        return true;
    }

    @Override
    public Set<SessionField> surveyedFields() {
        return Set.of(SessionField.REPO_NAME);
    }

    @Override
    public void survey(SessionRecord record) {
        record.repoName().filter(name -> !name.isBlank()).ifPresent(name ->
                spellings.computeIfAbsent(RepoNames.normalised(name), key -> new HashMap<>()).merge(name, 1L, Long::sum));
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        record.repoName().filter(name -> !name.isBlank()).flatMap(name -> renames.computeIfAbsent(name, this::rename)).ifPresent(rename ->
                findings.accept(Finding.repairable(this, Severity.WARNING, record.key(), rename.message(), rename.fix(),
                        List.of(FieldEdit.set("repoName", rename.norm())))));
    }

    /** What to rename {@code name} to, once the survey has counted every spelling; empty for a norm. */
    private Optional<Rename> rename(String name) {
        Map<String, Long> variants = spellings.get(RepoNames.normalised(name));
        if (variants.size() < 2) {
            return Optional.empty();
        }
        String norm = norm(variants);
        if (norm.equals(name)) {
            return Optional.empty();
        }
        return Optional.of(new Rename(norm, "repoName '" + name + "' is a variant of '" + norm + "' (" + variants.get(norm)
                + " sessions spell it that way, " + variants.get(name) + " this way)", "rename it to '" + norm + "' so paths built from the name match"));
    }

    private static String norm(Map<String, Long> variants) {
        return variants.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(entry -> entry.getKey().contains("/"))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }
}
