package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.ReadAlongside;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StagedStore;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.ValueChange;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Moving a stream of records into a target, shared by migrate and consolidate: the plan's
 * target half (existing records, mode, fields the layout cannot hold, date coercions) and the
 * run's backup, write, verification and report lines.
 *
 * <p>An existing target is opened once, when the transfer is made, and planned, backed up,
 * written and verified through that one handle; the write refuses when the target's
 * fingerprint changed since the plan. A new target is built beside its final name and appears
 * complete, or is filled in one transaction. Every write is journalled, so undo can put the
 * target back (or remove a target the job created).</p>
 */
public final class Transfer implements AutoCloseable {

    private final StoreLocator target;
    private final Optional<TargetMode> mode;
    private final boolean allowLoss;
    private final boolean verify;
    private final BackupJournal journal;
    private final StoreProvider provider;
    /** The existing target, opened once for the whole job; empty when there is none yet. */
    private final Optional<SessionStore> existing;
    /** The layout the target has after {@link #execute}, seen through the handle that wrote it. */
    private StoreLayout writtenLayout;
    /** How many records the last pass over the records read: the write's, once it wrote. */
    private long recordsRead = -1;
    /** Counted as the write's cursor hands them on, on its read-ahead thread. */
    private final AtomicLong recordsWritten = new AtomicLong();
    /** The records an existing target's write read, written or left out as the target held them already. */
    private final AtomicLong recordsPassed = new AtomicLong();

    public Transfer(StoreLocator target, Optional<TargetMode> mode, boolean allowLoss, boolean verify, BackupJournal journal) {
        this.target = target;
        this.mode = mode;
        this.allowLoss = allowLoss;
        this.verify = verify;
        this.journal = journal;
        this.provider = StoreProviders.of(target);
        // the target as it is, its layout detected: a layout asked for is compared with it, not forced on it
        this.existing = provider.openIfExists(target.withoutParam("layout"));
        try {
            existing.ifPresent(store -> StoreProbe.requireUndamaged(target));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Plans without reporting progress: the dry run. */
    public Assessment assess(RecordSource records) {
        return assess(records, ProgressMonitor.NONE);
    }

    /** Plans, reporting each record scanned; stops when the monitor asks. */
    public Assessment assess(RecordSource records, ProgressMonitor monitor) {
        Optional<Refusal> targetRefusal = (existing.isEmpty() ? provider.newStoreRefusal(target) : Optional.<String>empty())
                .or(() -> provider.writeRefusal(target)).map(Refusal::other);
        if (targetRefusal.isPresent()) {
            return new Assessment(TargetState.of(target, existing), false, List.of(), List.of(), List.of(), OptionalLong.empty(), Optional.empty(), targetRefusal,
                    mode, Optional.empty(), -1, Map.of());
        }
        TargetState state = TargetState.of(target, existing);
        boolean complete = !state.isEmpty() && mode.orElse(TargetMode.NEW) == TargetMode.NEW && holdsExactly(records, monitor);
        boolean overwrites = !state.isEmpty() && !complete && mode.filter(asked -> asked != TargetMode.NEW).isPresent();
        Optional<TargetComparison> comparison = overwrites ? Optional.of(TargetComparison.reading(existing.get(), monitor)) : Optional.empty();
        monitor.message("planning");
        try (TargetProbe standIn = existing.isPresent() ? null : TargetProbe.standingInFor(target); RecordCursor cursor = records.open()) {
            RecordScan scan = existing.isEmpty() ? standIn.scan()
                    : overwrites && mode.equals(Optional.of(TargetMode.MERGE)) ? RecordScan.mergingInto(existing.get()) : new RecordScan(existing.get());
            long total = records.expectedCount();
            monitor.totalWhileReading(cursor::readTotal);
            long done = 0;
            while (cursor.hasNext()) {
                SessionRecord record = cursor.next();
                scan.add(record);
                comparison.ifPresent(compared -> compared.add(record));
                monitor.progress(++done, total);
                monitor.checkCancelled();
            }
            comparison.ifPresent(compared -> compared.settle(monitor));
            // a merge or replace of records the target holds already, each as it is, would rewrite them unchanged: it writes nothing and only verifies
            boolean changesNothing = comparison.filter(this::changesNothing).isPresent();
            return assessment(state, complete || changesNothing, scan, standIn == null ? Optional.empty() : standIn.note(), comparison);
        }
    }

    private Assessment assessment(TargetState state, boolean complete, RecordScan scan, Optional<String> note,
                                  Optional<TargetComparison> comparison) {
        Optional<Refusal> refusal = state.refusal(mode, complete, scan.records())
                .or(() -> scan.refusedRecords().isEmpty() ? Optional.empty() : Optional.of(RecordsRefusal.of(target, existing, scan.refusedRecords())))
                .or(() -> scan.messageIdClashes().refusal(target))
                .or(() -> !scan.isLossy() || allowLoss ? Optional.empty() : Optional.of(LossRefusal.of(target, scan.fieldChanges())));
        recordsRead = scan.records();
        return new Assessment(state, complete, scan.fieldChanges(), scan.coercions(), scan.refusedRecords(), scan.withoutTaskId(), note, refusal,
                mode, comparison, scan.records(), scan.kinds());
    }

    /**
     * Plans and runs. An existing target is planned in a pass of its own, then backed up and
     * written. A new target whose provider stages it out of sight is planned while the records
     * are written into its staged build (one pass over the records), and put in place only once
     * {@code approve} has accepted the plan; a record the build would refuse or lose fields of
     * sends it back to a plan pass of its own first, so every refusal names all such records.
     * {@code approve} throws to refuse the plan and otherwise returns the report to fill.
     * {@code start} enters the run in the history, the same run however often asked: a staged write
     * is most of a run, so the run is entered before it and a cancel, failure or kill there is listed.
     */
    public JobReport.Builder run(String reason, RecordSource records, ProgressMonitor monitor, Supplier<JobReport.Builder> start,
                                 Function<Assessment, JobReport.Builder> approve) {
        // a target refused is planned in a pass of its own, which says why
        if (existing.isEmpty() && provider.stagesOutOfSight() && provider.newStoreRefusal(target).isEmpty() && provider.writeRefusal(target).isEmpty()) {
            String runId = start.get().runId();
            return journal.endingOnStop(runId, () -> {
                // held before staging: a second run staging the same new store would take away this one's build
                journal.holdWriter(runId, target);
                return planWhileWriting(reason, records, monitor, approve).orElseGet(() -> planThenWrite(reason, records, monitor, approve));
            });
        }
        return planThenWrite(reason, records, monitor, approve);
    }

    private JobReport.Builder planThenWrite(String reason, RecordSource records, ProgressMonitor monitor, Function<Assessment, JobReport.Builder> approve) {
        Assessment assessment = assess(records, monitor);
        JobReport.Builder report = approve.apply(assessment);
        journal.endingOnStop(report.runId(), () -> execute(report.runId(), reason, records, assessment, monitor, report));
        return report;
    }

    /** Empty when a record needs the plan pass (see {@link #run}); nothing is in place then. The caller ends the run on a stop. */
    private Optional<JobReport.Builder> planWhileWriting(String reason, RecordSource records, ProgressMonitor monitor,
                                                         Function<Assessment, JobReport.Builder> approve) {
        TargetState state = TargetState.of(target, existing);
        requireUnchangedSince(state);
        monitor.message("writing target");
        ExpectedHashes hashes = new ExpectedHashes();
        boolean placeExisted = provider.placeExists(target); // asked before staging makes it: undo takes away only a schema the job made
        try (StagedStore staged = provider.stage(target)) {
            // asked before the write: a staged PostgreSQL write holds its table until the commit
            writtenLayout = staged.store().info().layout();
            RecordScan scan = new RecordScan(staged.store());
            RecordCursor source = records.open();
            // a JSON file's count is known only once it is read through: meanwhile its reading estimates it
            monitor.totalWhileReading(source::readTotal);
            RecordCursor planned = PassingRecords.counting(PassingRecords.scanning(source, scan, allowLoss), recordsWritten);
            try (RecordCursor cursor = ReadAhead.records(hashes.recording(planned, staged.store()))) {
                staged.store().write(WriteBatch.replaceAll(cursor, records.expectedCount()), monitor);
            } catch (RuntimeException e) {
                if (PassingRecords.stoppedForPlanPass(e)) {
                    return Optional.empty();
                }
                throw e;
            }
            Assessment assessment = assessment(state, false, scan, Optional.empty(), Optional.empty());
            JobReport.Builder report = approve.apply(assessment);
            Backup backup = journal.backUpAbsent(report.runId(), target, reason, placeExisted);
            report.backupId(backup.id(), backup.storeWasAbsent());
            report.count("records written", recordsWritten.get());
            reportPlanWarnings(assessment, report);
            // the rows are verified while the target's indexes are built; rows already committed then are verified in place,
            // which a cancel no longer stops (it would call a written store unwritten)
            String phase = staged.placedBeforeReadAlongside() ? Verification.IN_PLACE : Verification.BEFORE_PLACING;
            journal.write(backup, () -> {
                try {
                    staged.commit(verify ? written -> verify(records, hashes, written, phase, monitor, report) : ReadAlongside.NOTHING);
                } catch (RuntimeException e) {
                    // what a failed commit left is taken away before the journal looks whether a store was put in place; what could not be is named
                    try {
                        staged.close();
                    } catch (RuntimeException leftovers) {
                        e.addSuppressed(leftovers);
                    }
                    throw e;
                }
            }, this::neverPlaced);
            return Optional.of(report);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot build the new store " + target.display() + " (" + e.getMessage()
                    + "); nothing was written there", e));
        }
    }

    private static void reportPlanWarnings(Assessment assessment, JobReport.Builder report) {
        assessment.fieldChanges().forEach(change -> report.warning(change.change() == ValueChange.NOT_KEPT
                ? "field " + change.field() + " of " + change.records()
                        + " records not kept as it was (dropped, or held in the form the target's column holds; --allow-loss)"
                : change.describe() + (change.lossy() ? " (--allow-loss)" : "")));
        assessment.coercions().forEach(report::warning);
    }

    /**
     * Backs up, writes, verifies and adds what happened to the report; returns the verification, if one ran.
     *
     * @throws JobRefusedException when the target changed since the assessment; nothing was written then
     */
    public Optional<Verification> execute(String runId, String reason, RecordSource records, Assessment assessment,
                                          ProgressMonitor monitor, JobReport.Builder report) {
        requireUnchangedSince(assessment.target());
        writtenLayout = assessment.target().layout().orElse(null);
        ExpectedHashes hashes = null;
        if (assessment.alreadyComplete()) {
            report.warning(assessment.comparison().isEmpty() ? "the target already holds exactly these records (a previous run finished the write); nothing was written"
                    : mode.equals(Optional.of(TargetMode.MERGE)) ? "the target already holds every one of these records as it is; nothing was written"
                    : "the target already holds exactly these records, each as it is; nothing was written");
        } else {
            hashes = new ExpectedHashes();
            Optional<TargetComparison> changesOnly = changesOnly(assessment);
            Backup backup = existing.isPresent()
                    ? writeExisting(existing.get(), assessment, runId, reason, records, hashes, changesOnly, monitor)
                    : writeNew(runId, reason, records, hashes, assessment, monitor);
            report.backupId(backup.id(), backup.storeWasAbsent());
            report.count("records written", recordsWritten.get());
            // a target written whole rewrites the records it held already as they were: said, so "written" does not read as changed
            assessment.comparison().filter(compared -> changesOnly.isEmpty() && compared.same() > 0)
                    .ifPresent(compared -> report.count("written records unchanged", compared.same()));
            recordsRead = existing.isPresent() ? recordsPassed.get() : recordsWritten.get();
        }
        reportPlanWarnings(assessment, report);
        if (!verify) {
            return Optional.empty();
        }
        if (existing.isPresent()) {
            return Optional.of(verify(records, hashes, existing.get(), Verification.IN_PLACE, monitor, report));
        }
        try (SessionStore written = StoreFactory.open(target, OpenMode.EXISTING)) {
            return Optional.of(verify(records, hashes, written, Verification.IN_PLACE, monitor, report));
        }
    }

    /**
     * A merge into a store that writes records in place (SQL rows) writes only the records it changes; so does a replace, deleting
     * the records the source lacks too, see {@link #replacesInPlace}. A file is written whole anyway.
     */
    private Optional<TargetComparison> changesOnly(Assessment assessment) {
        return assessment.comparison().filter(compared -> existing.filter(SessionStore::writesRecordsInPlace).isPresent()
                && (mode.equals(Optional.of(TargetMode.MERGE)) || replacesInPlace(compared)));
    }

    /**
     * Emptying the table and loading every row is cheaper once a replace touches as many records as it leaves. A chat server's
     * message moving to another session is written once its old session gave it up, in the same transaction (SqliteOwnedSink,
     * PostgresCopySink).
     */
    private static boolean replacesInPlace(TargetComparison compared) {
        return compared.same() > compared.added() + compared.replaced() + compared.targetOnly();
    }

    /** Whether the target holds every record as it is, and (a replace removing what the source lacks) no other. */
    private boolean changesNothing(TargetComparison compared) {
        return compared.added() == 0 && compared.replaced() == 0 && (mode.equals(Optional.of(TargetMode.MERGE)) || compared.targetOnly() == 0);
    }

    /** The target's layout once {@link #execute} has written it (or found it complete). */
    public StoreLayout writtenLayout() {
        if (writtenLayout == null) {
            throw new IllegalStateException("the target's layout is known once execute() has run");
        }
        return writtenLayout;
    }

    /**
     * How many records the job's last pass over them read: the write's when it wrote, else the plan's (a target that already held them).
     * A source another program wrote to meanwhile holds a different number now ({@link SourceChanges}).
     */
    public long recordsRead() {
        return recordsRead;
    }

    /** The existing target when the records are merged into it: a consolidation weighs its own versions against the sources'. */
    public Optional<SessionStore> mergeTarget() {
        return mode.filter(asked -> asked == TargetMode.MERGE).flatMap(merging -> existing);
    }

    /** Refuses when the target is not as an earlier look (this plan's, or a dry run's) saw it. */
    public void requireUnchangedSince(TargetState planned) {
        planned.requireUnchanged(existing.isPresent() || provider.exists(target), existing.map(SessionStore::fingerprint));
    }

    @Override
    public void close() {
        existing.ifPresent(SessionStore::close);
    }

    /**
     * Writing hashes each record as it passes ({@code hashes}), read ahead on a second thread; so do new targets.
     * The store writes only if it is still as {@code planned} saw it, checked under its write lock: then the backup
     * taken meanwhile holds exactly what the write replaces.
     */
    private Backup writeExisting(SessionStore store, Assessment assessment, String runId, String reason, RecordSource records, ExpectedHashes hashes,
                                 Optional<TargetComparison> changesOnly, ProgressMonitor monitor) {
        monitor.message("backing up target");
        Backup backup = journal.backUp(runId, store, reason, monitor);
        StoreFingerprint backedUp = store.fingerprint();
        monitor.message("writing target");
        journal.write(backup, () -> {
            RecordCursor read = PassingRecords.counting(records.open(), recordsPassed);
            // a write of changes only compares every record but writes few: its progress is the records compared, told on the writing thread
            RecordCursor written = changesOnly
                    .map(compared -> compared.changesOnly(PassingRecords.comparing(ReadAhead.records(read), assessment.recordsRead(), monitor), hashes))
                    .orElseGet(() -> ReadAhead.records(hashes.recording(read, store)));
            try (RecordCursor cursor = PassingRecords.counting(written, recordsWritten)) {
                store.write(batch(cursor, records, changesOnly).ifUnchangedSince(assessment.target().fingerprint().orElseThrow()),
                        changesOnly.isPresent() ? monitor.withoutProgress() : monitor);
            }
        }, () -> store.stoppedWriteLeftUnchanged(backedUp));
        return backup;
    }

    /** A merge upserts; a replace of changes only upserts them and deletes the target's records the source lacks, else it writes the target whole. */
    private WriteBatch batch(RecordCursor cursor, RecordSource records, Optional<TargetComparison> changesOnly) {
        long count = changesOnly.map(compared -> compared.added() + compared.replaced()).orElse(records.expectedCount());
        if (mode.orElse(TargetMode.NEW) == TargetMode.MERGE) {
            return WriteBatch.upsert(cursor, count);
        }
        return changesOnly.map(compared -> new WriteBatch(false, cursor, count, compared.targetOnlyKeys()))
                .orElseGet(() -> WriteBatch.replaceAll(cursor, count));
    }

    /** A new target's write left nothing while no store was put in place. */
    private boolean neverPlaced() {
        return !provider.exists(target);
    }

    /** A new target is staged and appears complete; a plan made on a stand-in is checked against the real one before any record is written. */
    private Backup writeNew(String runId, String reason, RecordSource records, ExpectedHashes hashes, Assessment assessment,
                            ProgressMonitor monitor) {
        monitor.message("backing up target");
        Backup backup = journal.backUpAbsent(runId, target, reason);
        monitor.message("writing target");
        journal.write(backup, () -> build(records, hashes, assessment, monitor), this::neverPlaced);
        return backup;
    }

    private void build(RecordSource records, ExpectedHashes hashes, Assessment assessment, ProgressMonitor monitor) {
        try (StagedStore staged = provider.stage(target)) {
            // asked before the write: a staged PostgreSQL write holds its table until the commit
            writtenLayout = staged.store().info().layout();
            // a plan made on a stand-in is checked against the real target as the records pass: the first record it would refuse or
            // lose fields of stops the write (one transaction, rolled back) and a full scan names every such record
            boolean standIn = assessment.note().isPresent() && !allowLoss;
            RecordCursor read = standIn ? PassingRecords.scanning(records.open(), new RecordScan(staged.store()), allowLoss) : records.open();
            RecordCursor source = PassingRecords.counting(read, recordsWritten);
            try (RecordCursor cursor = ReadAhead.records(hashes.recording(source, staged.store()))) {
                staged.store().write(WriteBatch.replaceAll(cursor, records.expectedCount()), monitor);
            } catch (RuntimeException e) {
                if (PassingRecords.stoppedForPlanPass(e)) {
                    RecordsRefusal.refuseFromFullScan(target, existing, staged.store(), records);
                }
                throw e;
            }
            staged.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot build the new store " + target.display() + " (" + e.getMessage()
                    + "); nothing was written there", e));
        }
    }

    /** Against the hashes taken while writing, when this run wrote; else the source is read again. */
    private Verification verify(RecordSource records, ExpectedHashes hashes, SessionStore written, String phase, ProgressMonitor monitor,
                                JobReport.Builder report) {
        boolean exact = mode.orElse(TargetMode.NEW) != TargetMode.MERGE;
        // a target in place is written: a cancel now would report "nothing was changed", so its check runs to the end
        ProgressMonitor checking = Verification.IN_PLACE.equals(phase) ? monitor.uncancellable() : monitor;
        Verification verification = Verification.check(hashes == null ? ExpectedHashes.of(records, written, checking) : hashes, records, written, exact,
                phase, checking);
        report.count("records verified", verification.matched());
        verification.missing().forEach(key -> report.problem("verification: " + key + " is missing from the target"));
        verification.changed().forEach(line -> report.problem("verification: " + line + " differ in the target"));
        if (verification.unexpected() > 0) {
            report.problem("verification: the target holds " + verification.unexpected() + " records that were not written");
        }
        report.details().set("verification", verification.toJson());
        return verification;
    }

    private boolean holdsExactly(RecordSource records, ProgressMonitor monitor) {
        SessionStore store = existing.orElseThrow();
        return store.count() == records.count() && Verification.check(records, store, true, monitor).passed();
    }
}
