package dev.sessiondb.ui.wizard;

import dev.sessiondb.catalog.LaterChanges;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.catalog.WritingRuns;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.UndoableCommand;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A job that wrote to a store, kept on the undo stack. {@link #undo()} restores the backup the
 * job took before writing, through the journal, which backs up the state it replaces;
 * {@link #execute()} brings the job's result back from that backup. Before any undo the job's
 * result is already in place, so executing changes nothing: after {@code execute()} the store
 * always holds what the job wrote, after {@code undo()} what it held before.
 */
public final class JobUndoCommand implements UndoableCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String description;
    private final BackupJournal journal;
    private final String backupId;
    /** A job run before this window showed the store is undone only after the user confirms. */
    private final boolean askFirst;
    /** The backup of the job's result that the last undo replaced; null while the result is in place. */
    private final AtomicReference<String> undoneResult = new AtomicReference<>();
    /** What the last undo did to the store, in the engine's words (the CLI's undo says the same); null before an undo. */
    private final AtomicReference<String> whatUndoDid = new AtomicReference<>();
    /** Whether the last undo removed the store: the job had made it. */
    private final AtomicBoolean removedStore = new AtomicBoolean();

    private JobUndoCommand(String description, BackupJournal journal, String backupId, boolean askFirst) {
        this.description = description;
        this.journal = journal;
        this.backupId = backupId;
        this.askFirst = askFirst;
    }

    /** A job just run in this window; its undo asks nothing, and it stays undoable when another store is opened. */
    public static JobUndoCommand ofReport(JobReport report, BackupJournal journal, ZoneId zone) {
        return new JobUndoCommand(describe(report.job(), report.description(), report.sources(), report.target(), report.startedAt(), zone),
                journal, report.backupId().orElseThrow(), false);
    }

    /** A job of the history (an earlier run, or one from the command line), undone after confirmation. */
    public static JobUndoCommand ofPastJob(PastJob job, BackupJournal journal, ZoneId zone) {
        return new JobUndoCommand(describe(job.kind(), job.description(), job.sources(), job.target(), job.startedAt(), zone),
                journal, job.backupId().orElseThrow(), true);
    }

    /**
     * "migration modified.json → copy.db (06:04:12)": two undo steps of the same kind into the same
     * store must read apart, or a user who thinks a click failed undoes the earlier job as well. The
     * time is when the job started, as the History view lists it.
     */
    private static String describe(String kind, String fallback, List<String> sources, Optional<String> target, Instant startedAt, ZoneId zone) {
        String route = StoreNames.route(sources, target);
        String what = switch (kind) {
            case "migrate" -> "migration " + route;
            case "consolidate" -> "consolidation " + route;
            case "repair" -> "repair of " + route;
            default -> fallback;
        };
        return what + " (" + TIME.format(startedAt.atZone(zone)) + ")";
    }

    @Override
    public String description() {
        return description;
    }

    public String backupId() {
        return backupId;
    }

    @Override
    public void execute() {
        String result = undoneResult.getAndSet(null);
        if (result != null) {
            journal.restore(journal.require(result), ProgressMonitor.NONE);
        }
    }

    @Override
    public void undo() {
        undo(ProgressMonitor.NONE);
    }

    /** The journal reports the backup of the present state and the restore; a cancel stops it only before the restore begins. */
    @Override
    public void undo(ProgressMonitor progress) {
        Backup backup = journal.require(backupId);
        WritingRuns.refuseRestoreWhileOneWrites(journal, backup);
        undoneResult.set(journal.restore(backup, progress).id());
        whatUndoDid.set(backup.whatRestoringDid());
        removedStore.set(backup.storeWasAbsent());
    }

    @Override
    public Optional<String> whatUndoDid() {
        return Optional.ofNullable(whatUndoDid.get());
    }

    /** As the command line's undo names it: the History's Undo of this undo puts that backup back. */
    @Override
    public Optional<String> howToTakeUndoBack() {
        return Optional.ofNullable(undoneResult.get()).map(replaced -> "The state it replaced is backup " + replaced
                + " (the History's Undo of this undo, or sessiondb undo " + replaced + ", puts it back).");
    }

    @Override
    public boolean undoRemovedStore() {
        return undoneResult.get() != null && removedStore.get();
    }

    @Override
    public Optional<StoreLocator> replacesStore() {
        return Optional.of(StoreLocator.parse(journal.require(backupId).locator()));
    }

    /** One backup, one undo: the same job reached from the stack or from the History view is one command. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JobUndoCommand command && command.backupId.equals(backupId) && command.journal.root().equals(journal.root());
    }

    @Override
    public int hashCode() {
        return backupId.hashCode();
    }

    /** A job loaded from the history is part of the open store's undo history; one run in this window names its own store and stays. */
    @Override
    public boolean scopedToOpenStore() {
        return askFirst;
    }

    /**
     * Asked when the store changed after the job (undoing it removes those changes from the store) and before
     * undoing a job of the history; a job of the history says when whether its store changed could not be checked, or what
     * comparing records found of a write that stopped while committing. Refuses while a run writes the store.
     */
    @Override
    public Optional<String> confirmation() {
        // a run of another process writing the store is told before any question: the undo would refuse once confirmed
        WritingRuns.refuseRestoreWhileOneWrites(journal, journal.require(backupId));
        LaterChanges later = LaterChanges.look(journal, journal.require(backupId));
        if (later.foundLaterChanges()) {
            return Optional.of(later.details() + ".\n\nUndo the " + description + " anyway? The store as it is now, with those later"
                    + " changes, is backed up first, so this undo can itself be undone.");
        }
        if (!askFirst) {
            return Optional.empty();
        }
        // as undo --list and undo say it: why it could not be checked, or what comparing records found of a write stopped while committing
        String unchecked = later.verdict() == LaterChanges.Verdict.UNCHECKED || later.unsureWrite() ? "\n\n" + capitalized(later.details()) + "." : "";
        String otherJobs = later.otherJobs().isEmpty() ? "" : "\n\n" + capitalized(later.otherJobs()) + ".";
        return Optional.of("Undo the " + description + "? The store is put back as it was before that job; "
                + "its present state is backed up first, so this undo can itself be undone." + otherJobs + unchecked);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
