package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moving a stream of records into a target, shared by migrate and consolidate: the plan's
 * target half (existing records, mode, fields the layout cannot hold, date coercions) and
 * the run's write, verification and report lines.
 */
public final class Transfer {

    /**
     * What writing would do to the target.
     *
     * @param alreadyComplete the target already holds exactly these records: a killed run that got as far as the rename
     */
    public record Assessment(TargetState target, boolean alreadyComplete, Map<String, Long> lossyFields,
                             java.util.List<String> coercions, long withoutTaskId, Optional<String> note, Optional<String> refusal) {
    }

    private final StoreLocator target;
    private final Optional<TargetMode> mode;
    private final boolean allowLoss;
    private final boolean verify;
    private final BackupJournal journal;

    public Transfer(StoreLocator target, Optional<TargetMode> mode, boolean allowLoss, boolean verify, BackupJournal journal) {
        this.target = target;
        this.mode = mode;
        this.allowLoss = allowLoss;
        this.verify = verify;
        this.journal = journal;
    }

    /** Plans without reporting progress: the dry run. */
    public Assessment assess(RecordSource records) {
        return assess(records, ProgressMonitor.NONE);
    }

    /** Plans, reporting each record scanned; stops when the monitor asks. */
    public Assessment assess(RecordSource records, ProgressMonitor monitor) {
        TargetState state = TargetState.inspect(target);
        boolean complete = !state.isEmpty() && mode.orElse(TargetMode.NEW) == TargetMode.NEW && holdsExactly(records);
        try (TargetProbe probe = TargetProbe.open(state); RecordCursor cursor = records.open()) {
            RecordScan scan = new RecordScan(probe.store());
            long total = records.count();
            long done = 0;
            while (cursor.hasNext()) {
                scan.add(cursor.next());
                monitor.progress(++done, total);
                monitor.checkCancelled();
            }
            Optional<String> refusal = state.refusal(mode, complete)
                    .or(() -> scan.lossyFields().isEmpty() || allowLoss ? Optional.empty() : Optional.of(lossRefusal(scan.lossyFields())));
            return new Assessment(state, complete, scan.lossyFields(), scan.coercions(), scan.withoutTaskId(), probe.note(), refusal);
        }
    }

    /** Writes, verifies and adds what happened to the report; returns the verification, if one ran. */
    public Optional<Verification> execute(String runId, String reason, RecordSource records, Assessment assessment,
                                          ProgressMonitor monitor, JobReport.Builder report) {
        ExpectedHashes hashes = null;
        if (assessment.alreadyComplete()) {
            report.warning("the target already holds exactly these records (a previous run finished the write); nothing was written");
        } else {
            requireNoLossOnNewServerStore(assessment, records);
            hashes = new ExpectedHashes();
            Backup backup = new TargetWriter(target, mode.orElse(TargetMode.NEW), journal).write(runId, reason, records, hashes, monitor);
            report.backupId(backup.id());
            report.count("records written", records.count());
        }
        assessment.lossyFields().forEach((field, count) -> report.warning("dropped field " + field + " from " + count + " records (--allow-loss)"));
        assessment.coercions().forEach(report::warning);
        if (!verify) {
            return Optional.empty();
        }
        try (SessionStore written = StoreFactory.open(target, OpenMode.EXISTING)) {
            boolean exact = mode.orElse(TargetMode.NEW) != TargetMode.MERGE;
            Verification verification = hashes == null ? Verification.check(records, written, exact, monitor)
                    : Verification.check(hashes, records, written, exact, monitor);
            report.count("records verified", verification.matched());
            verification.missing().forEach(key -> report.problem("verification: " + key + " is missing from the target"));
            verification.changed().forEach(line -> report.problem("verification: " + line + " differ in the target"));
            if (verification.unexpected() > 0) {
                report.problem("verification: the target holds " + verification.unexpected() + " records that were not written");
            }
            report.details().set("verification", verification.toJson());
            return Optional.of(verification);
        }
    }

    private boolean holdsExactly(RecordSource records) {
        try (SessionStore existing = StoreFactory.open(target, OpenMode.EXISTING)) {
            return existing.count() == records.count() && Verification.check(records, existing, true, ProgressMonitor.NONE).passed();
        }
    }

    /** A PostgreSQL target created by this run was planned with a stand-in; ask the real one before writing records. */
    private void requireNoLossOnNewServerStore(Assessment assessment, RecordSource records) {
        if (assessment.target().exists() || target.format() != StoreFormat.POSTGRESQL || allowLoss) {
            return;
        }
        try (SessionStore created = StoreFactory.open(target, OpenMode.CREATE_IF_MISSING); RecordCursor cursor = records.open()) {
            RecordScan scan = new RecordScan(created);
            cursor.forEachRemaining(scan::add);
            if (!scan.lossyFields().isEmpty()) {
                throw new JobRefusedException(lossRefusal(scan.lossyFields()));
            }
        }
    }

    private String lossRefusal(Map<String, Long> lossyFields) {
        String fields = lossyFields.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + " records)")
                .collect(Collectors.joining(", "));
        return "the target " + target.display() + " cannot hold " + fields
                + "; use --layout native to keep every field, or pass --allow-loss to drop them";
    }
}
