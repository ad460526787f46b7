package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.catalog.CatalogException;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.IndexedBackup;
import dev.sessiondb.catalog.LaterChanges;
import dev.sessiondb.catalog.WritingRuns;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.job.backup.BackupPruner;
import dev.sessiondb.job.backup.BackupPruning;
import dev.sessiondb.job.backup.IncompleteBackup;
import dev.sessiondb.job.backup.PrunePlan;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "undo", description = "Restore the store a job wrote to from the backup taken before it (the newest, or the one named); list or prune the backups.")
final class UndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BACKUP-ID", description = "The backup to restore; default: the newest not yet restored.")
    String backupId;

    @Option(names = "--force", description = "Restore even when the store changed after the job that took the backup: those later changes"
            + " leave the store, kept in the backup undo takes of it first (it names that backup).")
    boolean force;

    @Option(names = "--list", description = "List the backups from the job history, newest first (id, job, when, store, undone or not), and the"
            + " incomplete ones (being copied, left by a job killed while copying, or pruned part-way; they cannot be restored), and restore nothing;"
            + " with a BACKUP-ID, only that backup.")
    boolean list;

    @Option(names = "--prune", description = "Delete old backups instead of restoring one: per store all but the newest --keep, never the newest"
            + " one undo could still restore (unless --include-last-undo), with the report of each run whose backup goes, and every incomplete"
            + " backup; nothing of a job still running; with --dry-run, list them and the bytes they take.")
    boolean prune;

    @Option(names = "--keep", paramLabel = "N", description = "With --prune: the newest backups to keep per store (default: ${DEFAULT-VALUE}).")
    int keep = 3;

    @Option(names = "--older-than", paramLabel = "AGE", description = "With --prune: only backups older than AGE, in days or hours (30d, 12h).")
    String olderThan;

    @Option(names = "--include-last-undo", description = "With --prune: may delete a store's newest backup that undo could still restore.")
    boolean includeLastUndo;

    @Option(names = "--dry-run", description = "With --prune: list what would be deleted and the bytes freed; delete nothing.")
    boolean dryRun;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        refuseOptionsThatDoNotGoTogether();
        backupDir.folderToRead(); // a file holds no backups: refused here, not read as a folder without any
        BackupJournal journal = backupDir.journal(Notices.of(spec.commandLine()));
        if (list) {
            List<IndexedBackup> backups = indexedBackups(journal).stream().filter(indexed -> named(indexed.backup().id())).toList();
            List<IncompleteBackup> incomplete = journal.incomplete().stream().filter(leftover -> named(leftover.id())).toList();
            if (backupId != null && backups.isEmpty() && incomplete.isEmpty()) {
                require(journal, backupId);
            }
            print(backups, incomplete, completedRuns(journal, incomplete), LaterChanges.lookAtEach(journal, backups.stream().map(IndexedBackup::backup).toList()),
                    spec.commandLine().getOut());
            return SessionDbCommand.OK;
        }
        if (prune) {
            if (keep < 0) {
                throw new IllegalArgumentException("--keep " + keep + ": give a number of backups to keep per store, 0 or more");
            }
            Optional<Duration> age = Optional.ofNullable(olderThan).map(UndoCommand::age);
            if (!Files.isDirectory(journal.root().resolve("backups"))) {
                spec.commandLine().getOut().printf("No backups in %s (%s); nothing to %s.%n", journal.root(),
                        Files.isDirectory(journal.root()) ? "no job has backed up a store there" : "the folder does not exist",
                        dryRun ? "list" : "delete");
                return SessionDbCommand.OK;
            }
            return prune(journal, new BackupPruning(keep, age, includeLastUndo), spec.commandLine().getOut());
        }
        Backup backup = backupId != null ? require(journal, backupId) : journal.latestNotRestored().orElseThrow(() ->
                new JobRefusedException("no backup left to restore in " + BackupDirOption.described(journal.root())
                        + (Files.isDirectory(journal.root()) ? "; run 'sessiondb undo --list'" : "; " + BackupDirOption.NAME_THE_FOLDER)));
        try {
            WritingRuns.refuseRestoreWhileOneWrites(journal, backup);
        } catch (StoreException unreachable) {
            throw new StoreException(unreachable.getMessage() + "; nothing was restored; once the store can be reached, run sessiondb undo "
                    + backup.id() + " again", unreachable);
        }
        LaterChanges later = LaterChanges.look(journal, backup);
        if (later.foundLaterChanges() && !force) {
            throw new JobRefusedException(later.details() + "; nothing was restored. To undo anyway: sessiondb undo " + backup.id()
                    + " --force (undo first backs up the store as it is now, those later changes included, and names that backup)");
        }
        if (later.verdict() == LaterChanges.Verdict.UNCHECKED) {
            Notices.of(spec.commandLine()).warning(later.details() + "; undoing without that check");
        } else if (!later.details().isEmpty()) {
            Notices.of(spec.commandLine()).problem(later.details());
        }
        PrintWriter out = spec.commandLine().getOut();
        return JobRunner.cancellable(spec.commandLine(), "undo " + backup.id(), (tracker, bar) -> {
            Backup before = journal.restore(backup, tracker);
            bar.close();
            out.println(backup.whatRestoringDid());
            if (!later.otherJobs().isEmpty()) {
                // the undo of an undo, or of a job with later jobs: which jobs' changes the store holds now
                out.printf("I%s.%n", later.otherJobs().substring(1));
            }
            out.printf("The state it replaced%s is backup %s (undo that with: sessiondb undo %s).%n",
                    later.foundLaterChanges() ? ", with the changes made after the job," : "", before.id(), before.id());
            if (!backup.holdsSchema()) {
                out.printf("Only the records were put back: the schema stays at version %s (a %s store's backup holds its records, not its tables).%n",
                        schemaVersion(backup), backup.format().scheme());
            }
            return SessionDbCommand.OK;
        });
    }

    /**
     * Options of one use given with another are refused before anything is read or changed: a
     * {@code --keep 2} without {@code --prune} restored a store.
     */
    private void refuseOptionsThatDoNotGoTogether() {
        var given = spec.commandLine().getParseResult();
        if (force && (list || prune)) {
            throw new IllegalArgumentException("--force goes with a restore, not with " + (list ? "--list" : "--prune") + "; nothing was restored or deleted");
        }
        if (!prune) {
            List<String> pruneOnly = List.of("--keep", "--older-than", "--include-last-undo", "--dry-run").stream()
                    .filter(given::hasMatchedOption).toList();
            if (!pruneOnly.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", pruneOnly) + (pruneOnly.size() == 1 ? " goes" : " go")
                        + " with --prune; nothing was restored or deleted (to delete old backups: sessiondb undo --prune ...)");
            }
            return;
        }
        if (list) {
            throw new IllegalArgumentException("--prune and --list do not go together; nothing was deleted; list the backups with sessiondb undo --list");
        }
        if (backupId != null) {
            throw new IllegalArgumentException("--prune deletes old backups and restores none, so it takes no BACKUP-ID (" + backupId
                    + "); nothing was restored or deleted; to restore it: sessiondb undo " + backupId);
        }
        if (given.hasMatchedOption("--format") && format != OutputFormat.TABLE) {
            throw new IllegalArgumentException("--prune prints a table only; --format json goes with --list; nothing was deleted");
        }
    }

    /** With --list, whether the backup is the one named, when one is. */
    private boolean named(String id) {
        return backupId == null || backupId.equals(id);
    }

    /** The backup named, or why there is none: it is incomplete, or a prune deleted it, when the history knows. */
    private Backup require(BackupJournal journal, String id) {
        Optional<Backup> found = journal.find(id);
        if (found.isPresent()) {
            return found.get();
        }
        Optional<IncompleteBackup> incomplete = journal.incomplete().stream().filter(leftover -> leftover.id().equals(id)).findFirst();
        if (incomplete.isPresent()) {
            throw new JobRefusedException("backup '" + id + "' is incomplete (" + leftOrTaken(incomplete.get(), completedRuns(journal, List.of(incomplete.get())))
                    + "); nothing was restored");
        }
        Optional<Instant> pruned;
        try {
            pruned = new HistoryReader(journal).read(history -> history.prunedAt(id), Optional.empty());
        } catch (CatalogException unreadable) {
            pruned = Optional.empty();
        }
        if (pruned.isPresent()) {
            throw new JobRefusedException("backup '" + id + "' was pruned (deleted by sessiondb undo --prune at " + pruned.get() + "), so it can no"
                    + " longer be restored; run 'sessiondb undo --list' to see the backups");
        }
        if (!Files.isDirectory(journal.root())) {
            throw new JobRefusedException("no backup '" + id + "' in " + BackupDirOption.described(journal.root()) + "; " + BackupDirOption.NAME_THE_FOLDER);
        }
        return journal.require(id);
    }

    /**
     * Deletes (or, in a dry run, lists) what the prune plan holds, each with its size, then the bytes freed. Ctrl-C or
     * SIGTERM lets the deletion under way end (each leaves a backup whole or marked pruned) and stops before the next,
     * naming what was deleted and what is left.
     */
    private int prune(BackupJournal journal, BackupPruning pruning, PrintWriter out) {
        return JobRunner.cancellable(spec.commandLine(), "undo --prune", (tracker, bar) -> {
            PrunePlan plan = PrunePlan.of(journal, pruning, Instant.now());
            BackupPruner pruner = journal.pruner();
            bar.close();
            for (String kept : plan.keptRunning()) {
                String runId = RunIds.runIdOf(kept);
                out.printf("kept         %s: its %s (run %s) is still running%n", kept, RunIds.jobOf(runId), runId);
            }
            List<String> left = Stream.concat(plan.backups().stream().map(Backup::id), plan.incomplete().stream().map(IncompleteBackup::id))
                    .collect(Collectors.toCollection(ArrayList::new));
            long freed = 0;
            for (Backup backup : plan.backups()) {
                stopIfAsked(tracker, plan, left, out);
                long bytes = journal.size(backup);
                Optional<PrunePlan.Report> report = plan.reportOf(RunIds.runIdOf(backup));
                if (!dryRun) {
                    pruner.prune(backup, report.map(PrunePlan.Report::file));
                }
                left.remove(backup.id());
                out.printf("%s %-52s %-24s %,15d bytes  %s%n", deleted(), backup.id(), backup.createdAt(), bytes, backup.locator());
                freed += bytes + printed(report, out);
            }
            Set<String> completedRuns = completedRuns(journal, plan.incomplete());
            for (IncompleteBackup incomplete : plan.incomplete()) {
                stopIfAsked(tracker, plan, left, out);
                Optional<PrunePlan.Report> report = plan.reportOf(incomplete.runId());
                if (!dryRun) {
                    pruner.prune(incomplete, report.map(PrunePlan.Report::file));
                }
                left.remove(incomplete.id());
                out.printf("%s %-52s %-24s %,15d bytes  (incomplete: %s)%n", deleted(), incomplete.id(), "", incomplete.bytes(),
                        incomplete.prunedPartWay() || completedRuns.contains(incomplete.runId()) ? "pruned part-way" : "its run did not finish");
                freed += incomplete.bytes() + printed(report, out);
            }
            if (!dryRun) {
                pruner.clearLocksOfEndedRuns();
            }
            out.printf("%s %s, %s and %s, %,d bytes (%.1f MB)%s.%n", dryRun ? "Would delete" : "Deleted", count(plan.backups().size(), "backup"),
                    count(plan.incomplete().size(), "incomplete backup"), count(plan.reports().size(), "report"), freed, freed / 1e6,
                    dryRun ? "; nothing was deleted (dry run)" : "");
            return SessionDbCommand.OK;
        });
    }

    /** Stops a prune asked to stop between two deletions, saying what it deleted and what it left. */
    private void stopIfAsked(ProgressTracker tracker, PrunePlan plan, List<String> left, PrintWriter out) {
        if (!tracker.isCancelled()) {
            return;
        }
        out.flush();
        int planned = plan.backups().size() + plan.incomplete().size();
        int done = planned - left.size();
        throw new CancelledException("prune stopped: " + (dryRun ? "listed " : "deleted ") + done + " of " + planned + (done > 0 ? " (the lines above)" : "")
                + "; left " + String.join(", ", left) + (dryRun ? "" : "; each left is whole, or marked pruned part-way,"
                + " and sessiondb undo --prune deletes it"));
    }

    private String deleted() {
        return dryRun ? "would delete" : "deleted     ";
    }

    /** Prints the line of a report that goes with a backup; returns its bytes. */
    private long printed(Optional<PrunePlan.Report> report, PrintWriter out) {
        report.ifPresent(found -> out.printf("%s %-77s %,15d bytes  (its report)%n", deleted(), found.file(), found.bytes()));
        return report.map(PrunePlan.Report::bytes).orElse(0L);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** "30d" or "12h". */
    private static Duration age(String text) {
        Matcher age = Pattern.compile("(\\d{1,6})([dh])").matcher(text.trim());
        if (!age.matches()) {
            throw new IllegalArgumentException("--older-than " + text + ": give an age in days or hours, like 30d or 12h");
        }
        long amount = Long.parseLong(age.group(1));
        return age.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    private static String schemaVersion(Backup restored) {
        try (SessionStore store = StoreFactory.open(StoreLocator.parse(restored.locator()), OpenMode.EXISTING)) {
            return store.info().schemaVersion();
        }
    }

    /** From the catalog; when it cannot be read, from the journal's folders, with one warning. */
    private List<IndexedBackup> indexedBackups(BackupJournal journal) {
        try {
            return new HistoryReader(journal, Notices.of(spec.commandLine())::warning).backups();
        } catch (CatalogException e) {
            Notices.of(spec.commandLine()).warning(e.getMessage() + "; listing the backup folders instead");
            return journal.list().stream().map(backup -> new IndexedBackup(backup, RunIds.jobOf(RunIds.runIdOf(backup)))).toList();
        }
    }

    /**
     * Why a backup is incomplete. A completed run's backup without a manifest was deleted part-way: by a prune stopped
     * before it marked the folders it deleted (an earlier version), or by one that marked it; never "did not finish".
     */
    private static String leftOrTaken(IncompleteBackup leftover, Set<String> completedRuns) {
        if (leftover.running()) {
            return "being taken by run " + leftover.runId() + ", still running";
        }
        String left = leftover.prunedPartWay() || completedRuns.contains(leftover.runId())
                ? "pruned part-way (run " + leftover.runId() + " took it and completed; a prune was stopped while deleting it)"
                : "left by run " + leftover.runId() + ", which did not finish";
        return left + ": it cannot be restored; sessiondb undo --prune deletes it";
    }

    /** Those runs of the leftovers that completed, as the history knows it; none when it cannot be read. */
    private static Set<String> completedRuns(BackupJournal journal, List<IncompleteBackup> leftovers) {
        if (leftovers.isEmpty()) {
            return Set.of();
        }
        try {
            return new HistoryReader(journal).read(history -> history.completed(leftovers.stream().map(IncompleteBackup::runId).toList()), Set.of());
        } catch (CatalogException unreadable) {
            return Set.of();
        }
    }

    /** The verdict as JSON; for a write that stopped while committing, also what comparing the store with the backup found. */
    private static ObjectNode laterChanges(ObjectNode backup, LaterChanges later) {
        backup.put("laterChanges", later.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return later.unsureWrite() ? backup.put("unsureWrite", later.details()) : backup;
    }

    /** The backups, each with whether its store changed after the job that took it ({@code later}, by backup id), and the incomplete ones. */
    private void print(List<IndexedBackup> backups, List<IncompleteBackup> incomplete, Set<String> completedRuns, Map<String, LaterChanges> later,
                       PrintWriter out) {
        if (format == OutputFormat.JSON) {
            List<JsonNode> all = Stream.<JsonNode>concat(backups.stream().map(indexed -> laterChanges(indexed.toJson(), later.get(indexed.backup().id()))),
                    incomplete.stream().map(IncompleteBackup::toJson)).toList();
            OutputFormat.printJsonArray(all, json -> json, out);
            return;
        }
        for (IncompleteBackup leftover : incomplete) {
            out.printf("%-52s %-12s %-24s %,15d bytes%n    %s%n", leftover.id(), RunIds.jobOf(leftover.runId()), "incomplete", leftover.bytes(),
                    leftOrTaken(leftover, completedRuns));
        }
        if (backups.isEmpty() && incomplete.isEmpty()) {
            out.printf("No backups in %s.%n", BackupDirOption.described(backupDir.folder()));
            return;
        }
        for (IndexedBackup indexed : backups) {
            Backup backup = indexed.backup();
            out.printf("%-52s %-12s %-24s %,9d records  %-10s %s%n    %s%n", backup.id(), indexed.job(), backup.createdAt(), backup.records(),
                    indexed.undoState(), backup.locator(), backup.reason());
            if (indexed.restoreUnfinished()) {
                out.printf("    an undo of it was stopped while restoring: the store holds it or what the undo replaced; compare with sessiondb diff%n");
            }
            if (later.get(backup.id()).unsureWrite()) {
                out.printf("    %s%n", later.get(backup.id()).details());
            }
            indexed.undoneBy().ifPresent(by -> out.printf("    its job was undone %s%n", by));
            if (later.get(backup.id()).foundLaterChanges() && indexed.undoneBy().isEmpty()) {
                out.printf("    the store changed after this job: undoing it would remove those later changes from the store"
                        + " (sessiondb undo %s --force keeps them in undo's own backup)%n", backup.id());
            }
        }
    }
}
