package dev.sessiondb.ui.wizard.consolidate;

import dev.sessiondb.job.consolidate.Consolidation;
import dev.sessiondb.model.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One session several sources hold with different content: which sources, what the policy would do, and the user's choice. */
public final class ConflictRow {

    public static final String BY_POLICY = "By policy";

    private final String key;
    private final List<Integer> sources;
    private final String byPolicy;
    private final StringProperty choice = new SimpleStringProperty(BY_POLICY);

    public ConflictRow(Consolidation.Conflict conflict) {
        this.key = conflict.key();
        this.sources = conflict.versions().stream().map(version -> version.entry().source()).distinct().toList();
        this.byPolicy = plainWords(conflict);
    }

    public String key() {
        return key;
    }

    /** The key as shown, secrets masked. */
    public String session() {
        return SecretMasker.maskText("session", key);
    }

    /** "1, 3": the sources (numbered from 1) holding a version. */
    public String sourcesText() {
        return String.join(", ", sources.stream().map(source -> String.valueOf(source + 1)).toList());
    }

    /** The 0-based sources holding a version, in priority order. */
    public List<Integer> sourceIndexes() {
        return sources;
    }

    /** What the policy does with this conflict, in plain words. */
    public String byPolicy() {
        return byPolicy;
    }

    /** "By policy", or "Source N" for the version to keep. */
    public StringProperty choiceProperty() {
        return choice;
    }

    public List<String> options() {
        List<String> options = new ArrayList<>(List.of(BY_POLICY));
        sources.forEach(source -> options.add("Source " + (source + 1)));
        return options;
    }

    /**
     * The engine's settlement told without CLI terms, with the fields the versions differ in: what
     * the settlement drops. The wizard consolidates into a new store, so no target version takes part.
     */
    private static String plainWords(Consolidation.Conflict conflict) {
        int kept = conflict.kept().source() + 1;
        String settled = switch (conflict.rule()) {
            case UNSETTLED -> "Not settled: the policy is to stop, so pick the version to keep";
            case KEEP_BOTH -> "Keeps every version: source " + kept + "'s under this name, the others renamed "
                    + conflict.settlement().substring(conflict.settlement().lastIndexOf(' ') + 1);
            case NEWEST -> "Keeps source " + kept + "'s version (it is the newest)";
            case NEWEST_TIE -> "Keeps source " + kept + "'s version (a tie: no version is newer, so priority order decides: source " + kept
                    + " comes first)";
            case FIRST -> "Keeps source " + kept + "'s version (source " + kept + " comes first)";
            case CHOSEN -> "Keeps source " + kept + "'s version (you chose it)";
        };
        return settled + (conflict.differingFields().isEmpty() ? "" : "; the versions differ in " + String.join(", ", conflict.differingFields()));
    }

    /** The 0-based source the user chose, or empty when the policy decides. */
    public Optional<Integer> chosenSource() {
        String chosen = choice.get();
        return chosen == null || chosen.equals(BY_POLICY) ? Optional.empty()
                : Optional.of(Integer.parseInt(chosen.substring("Source ".length())) - 1);
    }
}
