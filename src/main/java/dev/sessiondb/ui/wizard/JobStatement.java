package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.StoreNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a planned job does, said first on its plan and result pages: which stores it reads and writes, by the short names
 * History and the Undo button give them, each with its format; how it treats the target, in the Options page's words; and,
 * for a target that holds records, where they are backed up first. The pages showed counts alone, which named no store.
 *
 * @param stores the stores by short name, "Copies a.json (json) into sessions.db (sqlite)"
 * @param mode   what happens to an existing target
 * @param backup where the target's records are backed up first; empty when it holds none or the mode writes to no such target
 * @param inFull the stores in full, passwords masked, one a line: the pages give it on hover
 */
public record JobStatement(String stores, String mode, Optional<String> backup, String inFull) {

    public static JobStatement ofMigration(StoreLocator source, StoreLocator target, TargetMode mode, JobPlan plan, Path backups) {
        Map<String, String> names = names(List.of(source), target);
        return new JobStatement("Copies " + named(source, names) + " into " + named(target, names), TargetModeWords.MIGRATE.describe(mode),
                backup(target, names, mode, plan, backups), "Source: " + inFull(source) + "\nTarget: " + inFull(target));
    }

    /** @param sources in priority order, the first winning under the "first" policy */
    public static JobStatement ofConsolidation(List<StoreLocator> sources, StoreLocator target, TargetMode mode, JobPlan plan, Path backups) {
        Map<String, String> names = names(sources, target);
        return new JobStatement("Consolidates, in priority order, " + sources.stream().map(source -> named(source, names)).collect(Collectors.joining(" then "))
                + " into " + named(target, names), TargetModeWords.CONSOLIDATE.describe(mode), backup(target, names, mode, plan, backups),
                "Sources in priority order: " + sources.stream().map(JobStatement::inFull).collect(Collectors.joining(", ")) + "\nTarget: " + inFull(target));
    }

    /** Each store's short name, told apart from the others' as History tells them apart. */
    private static Map<String, String> names(List<StoreLocator> sources, StoreLocator target) {
        return StoreNames.distinctNames(Stream.concat(sources.stream(), Stream.of(target)).map(StoreLocator::display).toList());
    }

    private static String named(StoreLocator store, Map<String, String> names) {
        return names.get(store.display()) + " (" + store.format().scheme() + ")";
    }

    private static Optional<String> backup(StoreLocator target, Map<String, String> names, TargetMode mode, JobPlan plan, Path backups) {
        long held = plan.targetRecordsBefore();
        // a new target must be empty: a plan finding records in one refuses, so there is nothing to back up
        return mode == TargetMode.NEW || held == 0 ? Optional.empty() : Optional.of(String.format(
                "%s's %,d %s backed up first, into %s; %s", names.get(target.display()), held, held == 1 ? "session is" : "sessions are",
                backups, WhereUndoIs.toPutBack(held == 1 ? "it" : "them")));
    }

    private static String inFull(StoreLocator store) {
        return StoreNames.shown(store.display());
    }
}
