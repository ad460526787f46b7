package dev.sessiondb.job.backup;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLeftoversException;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The backups jobs take before writing to an existing store, and undo. Each backup is a
 * folder {@code backups/<id>/} holding the snapshot and, written last, {@code backup.json}:
 * a folder without it is a backup being taken, or one a killed job left, and restores nothing
 * ({@link #incomplete()}). Job reports are saved beside them in {@code reports/}; each run
 * holds a lock in {@code runs/} while it runs ({@link RunLocks}).
 */
public final class BackupJournal {

    static final String MANIFEST = "backup.json";
    /** The manifest of a backup a prune is deleting, renamed: the folder restores nothing and says why. */
    static final String PRUNING = "backup.json.pruning";

    private final Path root;
    private final JournalListener listener;
    private final RunLocks locks;
    private final BackupFolders folders;
    private final StoreMarks marks = new StoreMarks();
    private final BackupTaking taking;

    public BackupJournal(Path root) {
        this(root, JournalListener.NONE);
    }

    /** @param listener told of every backup, saved report and restore (the app catalog records them) */
    public BackupJournal(Path root, JournalListener listener) {
        this.root = root.toAbsolutePath();
        this.listener = listener;
        this.locks = new RunLocks(this.root);
        this.folders = new BackupFolders(backupsDir());
        this.taking = new BackupTaking(folders, marks, listener);
    }

    public Path root() {
        return root;
    }

    public Path reportsDir() {
        return root.resolve("reports");
    }

    /** Where the backups are kept, one folder each. */
    public Path backupsDir() {
        return root.resolve("backups");
    }

    /**
     * Saves a finished job's report in {@link #reportsDir()} and returns the file; the run ends, saved or not (failed
     * when the report cannot be saved). The history gets the change mark of the target the job wrote, for undo to tell
     * a later write: a job saves its report once it has let go of the target, so that the mark is the one undo finds
     * when nobody wrote after it (a SQLite store's last close folds its write-ahead log into the file).
     */
    public Path saveReport(JobReport report) {
        try {
            Path file = endingOnStop(report.runId(), () -> report.saveTo(reportsDir()));
            Optional<String> written = report.backupId().flatMap(id -> marks.afterReport(id, report.target()));
            listener.reportSaved(report, file, written);
            return file;
        } finally {
            releaseRun(report.runId());
        }
    }

    /**
     * Notes that the change a backup preceded was taken back another way (the app wrote one
     * record's earlier state back), so undo does not offer it again.
     *
     * The run that took {@code replaced} ends with the store's change mark, as an undo does, to tell a later write.
     *
     * @param replaced the backup taken before taking the change back
     */
    public void recordRevert(Backup backup, Backup replaced) {
        Backup reverted = backup.markedRestored(Instant.now());
        folders.save(reverted);
        listener.restored(reverted, replaced, StoreMarks.of(StoreLocator.parse(replaced.locator())));
        releaseRun(RunIds.runIdOf(replaced));
    }

    /** Backs up a store (or notes that it does not exist yet) before {@code reason} writes to it; opens it to do so. */
    public Backup backUp(String runId, StoreLocator locator, String reason, ProgressMonitor monitor) {
        if (!StoreProbe.exists(locator)) {
            return backUpAbsent(runId, locator, reason);
        }
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return backUp(runId, store, reason, monitor);
        }
    }

    /** Backs up an open store before {@code reason} writes to it, through the same handle. */
    public Backup backUp(String runId, SessionStore store, String reason, ProgressMonitor monitor) {
        StoreInfo info = store.info();
        return journal(runId, store.locator(), folder -> new Backup(folder.getFileName().toString(), Instant.now(), reason,
                StoreProbe.withoutPassword(withLayout(store.locator().absolute(), info)), store.locator().format(),
                StoreSnapshots.take(store, folder, monitor), info.recordCount(), Optional.empty()));
    }

    /**
     * Backs up a JSON file that no command opens as a store (a session repeats in it) before {@code reason} rewrites it: a
     * copy of the file, which undo puts back byte for byte.
     */
    public Backup backUpUnopenedFile(String runId, StoreLocator locator, long records, String reason) {
        return journal(runId, locator, folder -> new Backup(folder.getFileName().toString(), Instant.now(), reason,
                StoreProbe.withoutPassword(locator.absolute()), locator.format(), StoreSnapshots.takeOfFile(locator.path(), folder), records, Optional.empty()));
    }

    /**
     * Notes that a store did not exist before {@code reason} created it: undo removes it, and the place it goes into (a
     * PostgreSQL schema) only if that did not exist either; or, when
     * its path held an empty file (no store yet, but a file someone made), undo puts that empty file back.
     */
    public Backup backUpAbsent(String runId, StoreLocator locator, String reason) {
        return backUpAbsent(runId, locator, reason, StoreProviders.of(locator).placeExists(locator));
    }

    /**
     * As {@link #backUpAbsent(String, StoreLocator, String)}, told whether the place the store goes into (a PostgreSQL schema)
     * existed before the job made anything there: a write staged before its run began asked before staging.
     */
    public Backup backUpAbsent(String runId, StoreLocator locator, String reason, boolean placeExisted) {
        locator.localPath().ifPresent(WritableStores::requireOwnerWritable);
        StoreWriters.hold(runId, locator);
        if (locator.localPath().isPresent() && StoreProbe.exists(locator)) {
            // another run made it after this one planned it as new, and ended: placing this one would replace that store
            throw new JobRefusedException(locator.display() + " was made by another run after this one planned it as a new store;"
                    + " nothing was written; run the command again (with --mode replace or --mode merge to write into it)");
        }
        Backup.Kind kind = locator.localPath().filter(AtomicFiles::isEmptyFile).isPresent() ? Backup.Kind.EMPTY_FILE
                : placeExisted ? Backup.Kind.ABSENT : Backup.Kind.ABSENT_WITH_ITS_PLACE;
        return journal(runId, locator, folder -> new Backup(folder.getFileName().toString(), Instant.now(), reason,
                StoreProbe.withoutPassword(locator.absolute()), locator.format(), kind, 0, Optional.empty()));
    }

    /**
     * A backup outside a run (an edit in the app) holds the run's lock while it is taken, so a prune keeps its folder.
     * A backup precedes a write, so a store whose file or folder its owner made read-only is refused before it.
     */
    private Backup journal(String runId, StoreLocator locator, BackupTaking.Contents contents) {
        locator.localPath().ifPresent(WritableStores::requireOwnerWritable);
        boolean lockedHere = locks.hold(runId);
        try {
            StoreWriters.hold(runId, locator);
            return taking.take(runId, locator, contents);
        } finally {
            if (lockedHere) {
                releaseRun(runId);
            }
        }
    }

    /**
     * Starts a run that writes to {@code target}: its report to fill, and its entry in the history
     * with the stores it reads, made before anything is backed up, so a run killed at any moment
     * is listed with its stores.
     */
    public JobReport.Builder startRun(String job, String description, List<StoreLocator> sources, StoreLocator target) {
        JobReport.Builder report = new JobReport.Builder(RunIds.newRunId(job), job, description).stores(sources, target);
        begin(report.runId(), description, report.sources(), report.target());
        return report;
    }

    /**
     * Run {@code runId} holds {@code store}'s writer lock from now until it ends, before it writes anything there (a
     * backup takes it too); refused at once while another run, in this process or another, holds it.
     */
    public void holdWriter(String runId, StoreLocator store) {
        StoreWriters.hold(runId, store);
    }

    /** The run of a job that reads before it writes, entered in the history when first asked for ({@link RunStart}). */
    public RunStart runStarter(String job, String description, List<StoreLocator> sources, StoreLocator target) {
        return new RunStart(this, job, description, sources, target);
    }

    /** A run cancelled while its stores were read, entered just now: it ends cancelled with nothing written. */
    void endCancelledBeforeWriting(String runId) {
        end(runId, "cancelled", Optional.empty());
    }

    /** A run takes its lock before the history hears of it: whoever finds the run can tell whether it still runs. */
    void begin(String runId, String description, List<String> sources, String target) {
        locks.hold(runId);
        listener.started(runId, description, sources, target);
    }

    /** A run stopped: the history ends it, then it lets go of its lock. */
    private void end(String runId, String outcome, Optional<String> why) {
        marks.runEnded(runId);
        listener.ended(runId, outcome, why);
        releaseRun(runId);
    }

    /** A run ended: the stores it wrote are free for the next writer, then it lets go of its own lock. */
    void releaseRun(String runId) {
        StoreWriters.release(runId);
        locks.release(runId);
    }

    /**
     * Runs the rest of a started run: when it throws, the history ends the run cancelled, refused
     * or failed (unless the write already ended it), as it would end a report.
     */
    public <T> T endingOnStop(String runId, Supplier<T> rest) {
        try {
            return rest.get();
        } catch (RuntimeException stopped) {
            end(runId, outcomeOf(stopped), reasonOf(stopped));
            throw stopped;
        }
    }

    /**
     * Writes the store {@code backup} was taken of. A write that was cancelled or failed leaves the
     * store as it was (one transaction, a file replaced only when complete, a new store never put in
     * place), and its backup then restores nothing, takes the space of a whole store and would be
     * the one plain {@code undo} picks: it goes. The backup stays when the store looks changed (an
     * upgraded schema) or cannot be looked at (a server gone); the cancel then says so.
     *
     * @param unchanged whether the store is still as the backup found it, asked after a stop
     */
    public void write(Backup backup, Runnable write, BooleanSupplier unchanged) {
        try {
            write.run();
        } catch (RuntimeException stopped) {
            throw endStopped(backup, stopped, unchanged);
        }
        listener.written(RunIds.runIdOf(backup));
    }

    private RuntimeException endStopped(Backup backup, RuntimeException stopped, BooleanSupplier unchanged) {
        String outcome = outcomeOf(stopped);
        try {
            if (unchanged.getAsBoolean()) {
                discard(backup, outcome, reasonOf(stopped));
                return stopped;
            }
        } catch (RuntimeException unsure) {
            stopped.addSuppressed(unsure); // the backup is kept: nothing is lost by keeping it
        }
        end(RunIds.runIdOf(backup), outcome, reasonOf(stopped));
        if (stopped instanceof CancelledException) {
            CancelledException kept = new CancelledException("cancelled; " + backup.locator() + " may have changed before the write stopped (it"
                    + " does not look as its backup found it): compare it with sessiondb diff, or put the backup back with sessiondb undo " + backup.id(),
                    backup.id());
            kept.addSuppressed(stopped);
            return kept;
        }
        stopped.addSuppressed(new BackupKept(backup.id()));
        return stopped;
    }

    /** How a run that threw ended, in the history's words. */
    private static String outcomeOf(RuntimeException stopped) {
        boolean refused = stopped instanceof JobRefusedException || stopped instanceof StaleRecordException; // an edit of a record changed meanwhile
        return stopped instanceof CancelledException ? "cancelled" : refused ? "refused" : "failed";
    }

    /** Why a run was refused or failed, as its message says it, secrets masked; a cancel needs no reason. */
    private static Optional<String> reasonOf(RuntimeException stopped) {
        return stopped instanceof CancelledException ? Optional.empty()
                : Optional.ofNullable(stopped.getMessage()).map(message -> SecretMasker.maskText(null, StoreLeftoversException.told(message, stopped)));
    }

    /** The backup of a store the run's write left as it was goes. */
    private void discard(Backup backup, String outcome, Optional<String> why) {
        folders.delete(backup, "; delete it by hand, the store it backs up was not changed");
        listener.discarded(backup, outcome, why);
        releaseRun(RunIds.runIdOf(backup));
    }

    /** What deletes the backups and reports a prune chose ({@link PrunePlan}). */
    public BackupPruner pruner() {
        return new BackupPruner(folders.dir(), listener, locks);
    }

    /** Run {@code runId}'s saved report, if it has one. */
    public Optional<Path> report(String runId) {
        return Optional.of(reportsDir().resolve(runId + ".json")).filter(Files::isRegularFile);
    }

    /** Whether run {@code runId} may still be running: it holds its lock (see {@link RunLocks#mayBeRunning}). */
    public boolean mayBeRunning(String runId) {
        return locks.mayBeRunning(runId);
    }

    /** The bytes a backup's folder takes on disk. */
    public long size(Backup backup) {
        return folders.size(backup.id());
    }

    /** Where a backup keeps its copy of a file or folder store. */
    public Path snapshotOf(Backup backup) {
        return folders.of(backup.id()).resolve(StoreSnapshots.DATA);
    }

    /** The backup's copy as a store to open, a server store's as its records in a JSON file; none when there was no store. */
    public Optional<StoreLocator> copyOf(Backup backup) {
        return StoreSnapshots.copy(backup, folders.of(backup.id()));
    }

    /** Every complete backup, newest first. */
    public List<Backup> list() {
        return folders.complete();
    }

    /**
     * Every backup folder without its manifest, newest first: being taken now, left by a job killed while it copied, or
     * left by a prune stopped part-way.
     */
    public List<IncompleteBackup> incomplete() {
        return folders.incomplete(this::mayBeRunning);
    }

    /** Whether backup {@code id} is on disk with its manifest, so undo can restore it. */
    public boolean isWhole(String id) {
        return folders.isWhole(id);
    }

    public Optional<Backup> find(String id) {
        return list().stream().filter(backup -> backup.id().equals(id)).findFirst();
    }

    /** What plain {@code undo} restores: the newest backup not yet restored. */
    public Optional<Backup> latestNotRestored() {
        return list().stream().filter(backup -> backup.restoredAt().isEmpty()).findFirst();
    }

    /**
     * Puts a store back as the backup holds it, its present state backed up first ({@link BackupRestore}).
     *
     * @return the backup of the state the undo replaced
     */
    public Backup restore(Backup backup, ProgressMonitor monitor) {
        return new BackupRestore(this, folders, listener).restore(backup, monitor);
    }

    /**
     * Refuses to restore a backup whose run still holds its lock: the run is writing the store, so a restore would
     * race it, and the backup is what undo puts back once it ends.
     */
    public void refuseWhileItsRunWrites(Backup backup) {
        String runId = RunIds.runIdOf(backup);
        if (mayBeRunning(runId)) {
            throw stillWriting(runId, backup.locator());
        }
    }

    /** Why undo refuses to restore {@code store} while run {@code runId} writes it. */
    public static JobRefusedException stillWriting(String runId, String store) {
        return new JobRefusedException("run " + runId + " (" + RunIds.jobOf(runId) + RunIds.startOf(runId).map(started -> ", started " + started).orElse("")
                + ") is still writing " + store + "; wait for it to end or stop it, then run undo again; nothing was restored");
    }

    public Backup require(String id) {
        return find(id).orElseThrow(() -> new JobRefusedException("no backup '" + id + "' in " + root
                + "; run 'sessiondb undo --list' to see the backups"));
    }

    /**
     * A server store's locator names its layout, so a restore into a schema whose tables were
     * dropped creates them in the layout the records came from, not the default one.
     */
    private static StoreLocator withLayout(StoreLocator locator, StoreInfo info) {
        if (locator.localPath().isPresent() || locator.layoutOverride().isPresent()) {
            return locator;
        }
        return locator.withParam("layout", info.layout().id());
    }
}
