package dev.sessiondb.ui.wizard.consolidate;

import dev.sessiondb.job.consolidate.Consolidation;
import dev.sessiondb.model.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One session held with different content by several sources, or by a source and the merge target: who holds a
 * version, what the policy would do, and the user's choice, which may be the target's own version.
 */
public final class ConflictRow {

    public static final String BY_POLICY = "By policy";
    public static final String TARGET = "Target";

    private final String key;
    /** The 0-based sources holding a version in priority order, then {@link Consolidation.Entry#TARGET} when the target holds one. */
    private final List<Integer> holders;
    private final String holdersText;
    private final String byPolicy;
    /** The version the policy keeps, and the first version whose content differs from it: the pair compared first. */
    private final int keptHolder;
    private final int firstDifferingHolder;
    private final StringProperty choice = new SimpleStringProperty(BY_POLICY);

    public ConflictRow(Consolidation.Conflict conflict) {
        this.key = conflict.key();
        this.holders = conflict.versions().stream().map(version -> version.entry().source()).distinct().toList();
        this.holdersText = conflict.holders();
        this.byPolicy = plainWords(conflict);
        Consolidation.Entry kept = conflict.kept();
        this.keptHolder = kept.source();
        this.firstDifferingHolder = conflict.versions().stream().map(Consolidation.Settled::entry)
                .filter(version -> !version.hash().equals(kept.hash())).findFirst().orElseThrow().source();
    }

    public String key() {
        return key;
    }

    /** The key as shown, secrets masked. */
    public String session() {
        return SecretMasker.maskText("session", key);
    }

    /** "1, 3" or "1, 2, target": who holds a version, sources numbered from 1. */
    public String sourcesText() {
        return holdersText;
    }

    /** The 0-based sources holding a version in priority order, then {@link Consolidation.Entry#TARGET} when the merge target holds one. */
    public List<Integer> holderIndexes() {
        return holders;
    }

    /** Who holds the version the policy keeps (for an unsettled conflict, the first listed): a 0-based source or {@link Consolidation.Entry#TARGET}. */
    public int keptHolder() {
        return keptHolder;
    }

    /** Who holds the first version whose content differs from the kept one: what the settlement drops, or renames. */
    public int firstDifferingHolder() {
        return firstDifferingHolder;
    }

    public boolean heldByTarget() {
        return holders.contains(Consolidation.Entry.TARGET);
    }

    /** What the policy does with this conflict, in plain words. */
    public String byPolicy() {
        return byPolicy;
    }

    /** "By policy", "Source N" or "Target" for the version to keep. */
    public StringProperty choiceProperty() {
        return choice;
    }

    public List<String> options() {
        List<String> options = new ArrayList<>(List.of(BY_POLICY));
        holders.forEach(holder -> options.add(optionFor(holder)));
        return options;
    }

    private static String optionFor(int holder) {
        return holder == Consolidation.Entry.TARGET ? TARGET : "Source " + (holder + 1);
    }

    /** The engine's settlement told without CLI terms, with the fields the versions differ in: what the settlement drops. */
    private static String plainWords(Consolidation.Conflict conflict) {
        Consolidation.Entry kept = conflict.kept();
        String whose = kept.label() + "'s";
        String settled = switch (conflict.rule()) {
            case UNSETTLED -> "Not settled: the policy is to stop, so pick the version to keep";
            case KEEP_BOTH -> "Keeps every version: " + whose + " under this name, the others renamed "
                    + conflict.settlement().substring(conflict.settlement().lastIndexOf(' ') + 1);
            case NEWEST -> "Keeps " + whose + " version (" + (kept.inTarget() ? "it is newer than every source's" : "it is the newest") + ")";
            case NEWEST_TIE -> "Keeps " + whose + " version (a tie: no version is newer, so priority order decides: " + kept.label() + " comes first)";
            case FIRST -> "Keeps " + whose + " version (" + kept.label() + " comes first)";
            case CHOSEN -> "Keeps " + whose + " version (you chose it)";
        };
        String overwrites = conflict.replacesNewer() ? ", replacing the target's NEWER version (the backup keeps it)" : "";
        return settled + overwrites + (conflict.differingFields().isEmpty() ? "" : "; the versions differ in " + String.join(", ", conflict.differingFields()));
    }

    /** The 0-based source the user chose, {@link Consolidation.Entry#TARGET} for the target's version, or empty when the policy decides. */
    public Optional<Integer> chosenSource() {
        String chosen = choice.get();
        if (chosen == null || chosen.equals(BY_POLICY)) {
            return Optional.empty();
        }
        return Optional.of(chosen.equals(TARGET) ? Consolidation.Entry.TARGET : Integer.parseInt(chosen.substring("Source ".length())) - 1);
    }
}
