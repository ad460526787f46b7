package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.transfer.TargetMode;

/**
 * A wizard's words for what it does to an existing target, said once: the Options page's buttons and the job's plan and
 * result read the same.
 *
 * @param written   where the sessions written come from: "the source", "the sources"
 * @param onSameKey what a merge does with a session the target holds too: a migration replaces it, a consolidation weighs it
 */
public record TargetModeWords(String written, String onSameKey) {

    public static final TargetModeWords MIGRATE = new TargetModeWords("the source", "replacing those with the same key");
    public static final TargetModeWords CONSOLIDATE = new TargetModeWords("the sources",
            "a session the target holds too is settled by the conflict policy, the target's version taking part");

    public String describe(TargetMode mode) {
        return switch (mode) {
            case NEW -> "New: the target must be absent or empty";
            case REPLACE -> "Replace: the target ends up holding only the sessions of " + written + " (backed up first)";
            case MERGE -> "Merge: add the sessions of " + written + ", " + onSameKey + " (backed up first)";
        };
    }
}
