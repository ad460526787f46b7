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

    /** The engine's settlement ("newest: kept the version from source 2", "unsettled (--on-conflict fail)") told without CLI terms. */
    private static String plainWords(Consolidation.Conflict conflict) {
        String settlement = conflict.settlement();
        int kept = conflict.versions().stream().filter(version -> version.fate() == Consolidation.Fate.KEPT)
                .mapToInt(version -> version.entry().source() + 1).findFirst().orElse(1);
        if (settlement.startsWith("unsettled")) {
            return "Not settled: the policy is to stop, so pick the version to keep";
        }
        if (settlement.startsWith("keep-both")) {
            return "Keeps every version: source " + kept + "'s under this name, the others renamed " + settlement.substring(settlement.lastIndexOf(' ') + 1);
        }
        String why = settlement.startsWith("newest") ? "it is the newest" : settlement.startsWith("first") ? "source " + kept + " comes first"
                : "you chose it";
        return "Keeps source " + kept + "'s version (" + why + ")";
    }

    /** The 0-based source the user chose, or empty when the policy decides. */
    public Optional<Integer> chosenSource() {
        String chosen = choice.get();
        return chosen == null || chosen.equals(BY_POLICY) ? Optional.empty()
                : Optional.of(Integer.parseInt(chosen.substring("Source ".length())) - 1);
    }
}
