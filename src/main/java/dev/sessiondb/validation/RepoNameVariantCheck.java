package dev.sessiondb.validation;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One repository spelled several ways ({@code local/minsky} and {@code local-minsky}): paths
 * built from one spelling miss workspaces made under the other. The most common spelling is
 * the norm ({@link RepoNameSpellings}); repair renames the rest.
 */
final class RepoNameVariantCheck implements Check {

    private final RepoNameSpellings spellings = new RepoNameSpellings();
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
        record.repoName().ifPresent(spellings::count);
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        record.repoName().filter(name -> !name.isBlank()).flatMap(name -> renames.computeIfAbsent(name, this::rename)).ifPresent(rename ->
                findings.accept(Finding.repairable(this, Severity.WARNING, record.key(), rename.message(), rename.fix(),
                        List.of(FieldEdit.set("repoName", rename.norm())))));
    }

    /** What to rename {@code name} to, once the survey has counted every spelling; empty for a norm. */
    private Optional<Rename> rename(String name) {
        Map<String, Long> variants = spellings.variants(name);
        if (variants.size() < 2) {
            return Optional.empty();
        }
        String norm = spellings.norm(name).orElseThrow();
        if (norm.equals(name)) {
            return Optional.empty();
        }
        return Optional.of(new Rename(norm, "repoName '" + name + "' is a variant of '" + norm + "' (" + variants.get(norm)
                + " sessions spell it that way, " + variants.get(name) + " this way)", "rename it to '" + norm + "' so paths built from the name match"));
    }
}
