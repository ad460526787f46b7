package dev.sessiondb.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.catalog.query.QBackupEntry;
import dev.sessiondb.catalog.query.QJobRun;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import io.ebean.Database;
import io.ebean.Transaction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The job history and the backup index of the catalog: what the journal heard (backups,
 * reports, restores) written as entity beans, and read back per store for history and undo.
 */
public final class JobHistory {

    private static final Set<String> UNDO_KINDS = Set.of("undo", "edit-undo");

    private final Database database;
    private final UndoneMarks undoneMarks;

    JobHistory(Database database) {
        this.database = database;
        this.undoneMarks = new UndoneMarks(database);
    }

    /** Runs that take a job back; undoing them would redo the job, so undo never offers them. */
    static boolean isUndo(String kind) {
        return UNDO_KINDS.contains(kind);
    }

    /** A run starts: it enters the history with its stores before it backs anything up. */
    public void started(String runId, String description, List<String> sources, String target) {
        JobRun run = newRun(runId, description, Instant.now());
        run.setSources(sources.isEmpty() ? null : String.join("\n", sources));
        run.setTarget(target);
        database.save(run);
    }

    /** A run's write into its target is complete: killed from now on, it left the target holding the new content. */
    public void written(String runId) {
        run(runId).ifPresent(run -> {
            run.setWrittenAt(Instant.now());
            database.save(run);
        });
    }

    /**
     * Run {@code runId} and the change marks of its target holding what the run left there: the mark the run left,
     * and the mark each later undo left that put back a backup taken of that very state (Ctrl+Z of a later job
     * into the store brings the run's result back, under a new mark). No marks when the run left none: it ran
     * before they were recorded, never ended, or wrote a store without one (a server). With it, an undo of the run
     * killed in its restore, if there was one.
     */
    Optional<JobResult> resultOf(String runId) {
        return run(runId).map(job -> {
            Set<String> marks = new HashSet<>();
            Optional.ofNullable(job.getTargetMarkAfter()).ifPresent(marks::add);
            if (!marks.isEmpty()) {
                Map<String, String> restoredRunByUndo = new QBackupEntry(database).restoreRunId.isNotNull().restoredAt.isNotNull().findStream()
                        .collect(Collectors.toMap(BackupEntry::getRestoreRunId, BackupEntry::getRunId, (a, b) -> a));
                Map<String, JobRun> runs = new QJobRun(database).runId.in(restoredRunByUndo.values()).findStream()
                        .collect(Collectors.toMap(JobRun::getRunId, Function.identity()));
                new QJobRun(database).runId.in(restoredRunByUndo.keySet()).startedAt.ge(job.getStartedAt()).targetMarkAfter.isNotNull()
                        .orderBy().startedAt.asc().orderBy().runId.asc().findStream()
                        .filter(undo -> Optional.ofNullable(runs.get(restoredRunByUndo.get(undo.getRunId())))
                                .map(JobRun::getTargetMarkBefore).filter(marks::contains).isPresent())
                        .forEach(undo -> marks.add(undo.getTargetMarkAfter()));
            }
            Optional<String> unfinishedUndo = new QBackupEntry(database).runId.eq(runId).restoredAt.isNull().restoreRunId.isNotNull()
                    .findList().stream().map(BackupEntry::getRestoreRunId)
                    .filter(undo -> run(undo).filter(JobHistory::restoreUnfinished).isPresent()).findFirst();
            return new JobResult(toPastJob(job), marks, unfinishedUndo);
        });
    }

    /** A run backed a store up before writing: the backup enters the index and the run the history, with how the backup found the store. */
    public void backedUp(String runId, Backup backup, Optional<String> mark) {
        try (Transaction transaction = database.beginTransaction()) {
            // a history read may have indexed it from the journal's folders already (reconcile), between the backup and now
            BackupEntry entry = new QBackupEntry(database).id.eq(backup.id()).findOneOrEmpty().orElseGet(BackupEntry::new);
            database.save(index(entry, backup, runId));
            JobRun run = run(runId).orElseGet(() -> newRun(runId, backup.reason(), backup.createdAt()));
            if (run.getTarget() == null) {
                run.setTarget(backup.locator());
            }
            if (run.getBackupId() == null) {
                run.setBackupId(backup.id());
            }
            mark.ifPresent(run::setTargetMarkBefore);
            database.save(run);
            transaction.commit();
        }
    }

    /** A job finished: its report completes the run's entry, with how it left the target it wrote. */
    public void reportSaved(JobReport report, Path file, Optional<String> targetMark) {
        JobRun run = run(report.runId()).orElseGet(() -> newRun(report.runId(), report.description(), report.startedAt()));
        run.setKind(report.job());
        run.setDescription(report.description());
        run.setStartedAt(report.startedAt());
        run.setFinishedAt(report.finishedAt());
        run.setOutcome(report.outcome().name().toLowerCase(Locale.ROOT));
        run.setSources(report.sources().isEmpty() ? null : String.join("\n", report.sources()));
        report.target().ifPresent(run::setTarget);
        ObjectNode counts = JsonNodeFactory.instance.objectNode();
        report.counts().forEach(counts::put);
        run.setCounts(JsonCodec.compact(counts));
        run.setReportPath(file.toString());
        report.backupId().ifPresent(run::setBackupId);
        targetMark.ifPresent(run::setTargetMarkAfter);
        database.save(run);
    }

    /** A run's write ended without changing the store: the run ends with {@code outcome} (and why) and no backup to undo. */
    public void discarded(Backup backup, String outcome, Optional<String> why) {
        try (Transaction transaction = database.beginTransaction()) {
            forget(backup);
            ended(RunIds.runIdOf(backup), outcome, why);
            transaction.commit();
        }
    }

    /**
     * A prune began deleting the backup: undo can no longer restore it. Heard again from the next prune when one was
     * stopped part-way, and maybe after the history dropped the backup as gone ({@link #reconcile}): the run that took
     * it is then found by its id, and keeps the time it was first pruned.
     */
    public void pruned(Backup backup) {
        try (Transaction transaction = database.beginTransaction()) {
            Instant now = Instant.now();
            forget(backup, run -> notePruned(run, backup, now));
            run(RunIds.runIdOf(backup)).filter(run -> run.getPrunedAt() == null).ifPresent(run -> {
                notePruned(run, backup, now);
                database.save(run);
            });
            transaction.commit();
        }
    }

    private static void notePruned(JobRun run, Backup backup, Instant when) {
        run.setPrunedBackupId(backup.id());
        if (run.getPrunedAt() == null) {
            run.setPrunedAt(when);
        }
    }

    /** A prune deleted the run's report: the history no longer names the file. */
    public void reportPruned(String runId) {
        run(runId).ifPresent(run -> {
            run.setReportPath(null);
            database.save(run);
        });
    }

    /** A deleted backup leaves the index, and the run that took it no longer offers it. */
    private void forget(Backup backup) {
        forget(backup, run -> { });
    }

    /** As {@link #forget(Backup)}, noting on the run what became of the backup ({@code noted}) in the same save. */
    private void forget(Backup backup, Consumer<JobRun> noted) {
        new QBackupEntry(database).id.eq(backup.id()).delete();
        new QJobRun(database).backupId.eq(backup.id()).findList().forEach(run -> {
            noted.accept(run);
            run.setBackupId(null);
            database.save(run);
        });
    }

    /**
     * A run stopped without a report: it ends with {@code outcome} and why, unless something closer to the stop ended it already.
     * A reason that only adds to the one kept (what a failed job left behind, known once its new store was closed) replaces it.
     */
    public void ended(String runId, String outcome, Optional<String> why) {
        run(runId).filter(run -> run.getOutcome() == null || addsTo(run, outcome, why)).ifPresent(run -> {
            if (run.getOutcome() == null) {
                run.setFinishedAt(Instant.now());
                run.setOutcome(outcome);
            }
            why.ifPresent(reason -> run.setStopReason(reason.length() > 4000 ? reason.substring(0, 3999) + "…" : reason));
            database.save(run);
        });
    }

    private static boolean addsTo(JobRun run, String outcome, Optional<String> why) {
        String kept = run.getStopReason();
        return outcome.equals(run.getOutcome()) && kept != null && why.filter(reason -> reason.length() > kept.length() && reason.startsWith(kept)).isPresent();
    }

    /** Undo is about to put {@code backup} back: until it ends, whether it did is unknown. */
    public void restoring(Backup backup, Backup replaced) {
        new QBackupEntry(database).id.eq(backup.id()).findOneOrEmpty().ifPresent(entry -> {
            entry.setRestoreRunId(RunIds.runIdOf(replaced));
            database.save(entry);
        });
    }

    /** Undo put {@code restored} back: the job that took it is undone, the undo run finished, leaving the store as {@code mark} says. */
    public void restored(Backup restored, Backup replaced, Optional<String> mark) {
        try (Transaction transaction = database.beginTransaction()) {
            Instant when = restored.restoredAt().orElseGet(Instant::now);
            BackupEntry entry = new QBackupEntry(database).id.eq(restored.id()).findOneOrEmpty()
                    .orElseGet(() -> index(new BackupEntry(), restored, RunIds.runIdOf(restored)));
            entry.setRestoredAt(when);
            if (entry.getRestoreRunId() == null) {
                entry.setRestoreRunId(RunIds.runIdOf(replaced)); // an edit's undo, which restores no backup, is known by it
            }
            database.save(entry);
            new QJobRun(database).backupId.eq(restored.id()).findList().forEach(job -> {
                job.setUndoneAt(when);
                database.save(job);
            });
            run(RunIds.runIdOf(replaced)).ifPresent(undo -> {
                if (undo.getFinishedAt() == null) {
                    undo.setFinishedAt(when);
                    undo.setOutcome(JobReport.Outcome.COMPLETED.name().toLowerCase(Locale.ROOT));
                }
                mark.ifPresent(undo::setTargetMarkAfter);
                database.save(undo);
            });
            undoneMarks.remark(restored.locator(), when);
            transaction.commit();
        }
    }

    /** Whether {@code backup} counts as put back changed (an undo of an undo): its entry and the jobs that took it say so. */
    public void undoStateChanged(Backup backup) {
        try (Transaction transaction = database.beginTransaction()) {
            Instant when = backup.restoredAt().orElse(null);
            new QBackupEntry(database).id.eq(backup.id()).findOneOrEmpty().ifPresent(entry -> {
                entry.setRestoredAt(when);
                if (when == null) {
                    entry.setRestoreRunId(null); // not an undo stopped half-way: an undo that was itself undone
                }
                database.save(entry);
            });
            new QJobRun(database).backupId.eq(backup.id()).findList().forEach(job -> {
                job.setUndoneAt(when);
                database.save(job);
            });
            undoneMarks.remark(backup.locator(), Instant.now());
            transaction.commit();
        }
    }

    /**
     * What putting back the backup of a run on {@code store} does, by run id, to the jobs' changes the store holds: those it
     * takes out (that run's and every later job's the store still holds) and those it brings back (an undo's backup holds the
     * jobs that undo took out), each oldest first. The store's runs are read once, for every run asked of.
     */
    public Function<String, UndoEffects> effectsOfUndoing(StoreLocator store) {
        StoreTimeline timeline = undoneMarks.timeline(store);
        return runId -> new UndoEffects(pastJobs(timeline.removedByPuttingBack(runId)), pastJobs(timeline.broughtBackByPuttingBack(runId)));
    }

    private List<PastJob> pastJobs(List<String> runIds) {
        Map<String, JobRun> runs = new QJobRun(database).runId.in(runIds).findList().stream().collect(Collectors.toMap(JobRun::getRunId, Function.identity()));
        return runIds.stream().map(runs::get).filter(Objects::nonNull).map(this::toPastJob).toList();
    }

    /**
     * Brings the backup index in line with the journal's folders, the truth about backups:
     * backups taken while the catalog could not be opened, and restores made then; and backups
     * whose manifest is gone (a prune or a discard stopped before it told the history, a folder
     * deleted by hand) leave the index, so nothing offers to restore them.
     *
     * @param journal   the journal's backups, listed before the index is read
     * @param manifested whether backup {@code id}'s manifest is on disk now: one taken since {@code journal} was listed is indexed, not gone
     */
    public void reconcile(List<Backup> journal, Predicate<String> manifested) {
        reconcile(journal, manifested, () -> { });
    }

    /** As {@link #reconcile(List, Predicate)}, with {@code afterIndexRead} run between reading the index and writing to it ({@link Catalog#ofJournal(BackupJournal, Runnable)}). */
    void reconcile(List<Backup> journal, Predicate<String> manifested, Runnable afterIndexRead) {
        Map<String, BackupEntry> indexed = new QBackupEntry(database).findList().stream()
                .collect(Collectors.toMap(BackupEntry::getId, Function.identity()));
        afterIndexRead.run();
        Set<String> listed = journal.stream().map(Backup::id).collect(Collectors.toSet());
        try (Transaction transaction = database.beginTransaction()) {
            indexed.values().stream().filter(entry -> !listed.contains(entry.getId()) && !manifested.test(entry.getId()))
                    .forEach(gone -> forget(toBackup(gone)));
            for (Backup backup : journal) {
                BackupEntry entry = indexed.get(backup.id());
                Instant restoredAt = backup.restoredAt().orElse(null);
                if (entry == null) {
                    database.save(index(new BackupEntry(), backup, RunIds.runIdOf(backup)));
                } else if (!Objects.equals(entry.getRestoredAt(), restoredAt)) {
                    if (restoredAt == null && entry.getRestoredAt() != null) {
                        // put back, then an undo of that undo took it out again while the history could not be written
                        entry.setRestoreRunId(null);
                        new QJobRun(database).backupId.eq(backup.id()).undoneAt.isNotNull().findList().forEach(job -> {
                            job.setUndoneAt(null);
                            database.save(job);
                        });
                    }
                    entry.setRestoredAt(restoredAt);
                    database.save(entry);
                }
                if (restoredAt != null) {
                    new QJobRun(database).backupId.eq(backup.id()).undoneAt.isNull().findList().forEach(job -> {
                        job.setUndoneAt(restoredAt);
                        database.save(job);
                    });
                }
            }
            transaction.commit();
        }
    }

    /** Those of {@code runIds} that completed (saved their report). */
    public Set<String> completed(Collection<String> runIds) {
        return new QJobRun(database).runId.in(runIds).outcome.eq(JobReport.Outcome.COMPLETED.name().toLowerCase(Locale.ROOT)).findStream()
                .map(JobRun::getRunId).collect(Collectors.toSet());
    }

    /** When a prune deleted backup {@code id}, if the history knows it did. */
    public Optional<Instant> prunedAt(String id) {
        return new QJobRun(database).prunedBackupId.eq(id).findList().stream().map(JobRun::getPrunedAt).filter(Objects::nonNull).findFirst();
    }

    /** The newest {@code limit} jobs, newest first; with a store, only the jobs that read or wrote it. */
    public List<PastJob> list(Optional<StoreLocator> store, int limit) {
        // closed here: a stream cut short by its limit would keep the catalog's one connection, and the next query wait 10 s for it
        // the undo that took a job out is read once it is (the stream holds that connection meanwhile)
        List<JobRun> found;
        try (Stream<JobRun> runs = new QJobRun(database).orderBy().startedAt.desc().orderBy().runId.desc().findStream()) {
            found = runs.filter(run -> store.isEmpty() || touches(toPastJob(run, Optional.empty()), store.get()))
                    .limit(limit)
                    .toList();
        }
        return found.stream().map(this::toPastJob).toList();
    }

    /** The jobs whose backup can still be put back on this store, the newest first: what Ctrl+Z undoes in turn. */
    public List<PastJob> undoable(StoreLocator store) {
        return new QJobRun(database).backupId.isNotNull().undoneAt.isNull().orderBy().startedAt.desc().orderBy().runId.desc()
                .findStream()
                .map(this::toPastJob)
                .filter(job -> job.undoable() && job.target().filter(target -> sameStore(target, store)).isPresent())
                .toList();
    }

    /** Every indexed backup, newest first, with the job that took it. */
    public List<IndexedBackup> backups() {
        Map<String, JobRun> runs = new QJobRun(database).findList().stream().collect(Collectors.toMap(JobRun::getRunId, Function.identity()));
        // listed whole first: the undone marks are read per entry, on the catalog's one connection
        return new QBackupEntry(database).orderBy().createdAt.desc().orderBy().id.desc().findList().stream()
                .map(entry -> new IndexedBackup(toBackup(entry),
                        Optional.ofNullable(runs.get(entry.getRunId())).map(JobRun::getKind).orElse(RunIds.jobOf(entry.getRunId())),
                        entry.getRestoredAt() == null && restoreUnfinished(runs.get(entry.getRestoreRunId())),
                        Optional.ofNullable(runs.get(entry.getRunId())).filter(run -> entry.getRestoredAt() == null).flatMap(this::undoneBy)))
                .toList();
    }

    /** An undo run that began a restore and never ended: killed in its atomic step, or still in it. */
    private static boolean restoreUnfinished(JobRun undo) {
        return undo != null && undo.getOutcome() == null;
    }

    private Optional<JobRun> run(String runId) {
        return new QJobRun(database).runId.eq(runId).findOneOrEmpty();
    }

    private static JobRun newRun(String runId, String description, Instant startedAt) {
        JobRun run = new JobRun();
        run.setRunId(runId);
        run.setKind(RunIds.jobOf(runId));
        run.setDescription(description);
        run.setStartedAt(startedAt);
        return run;
    }

    private static BackupEntry index(BackupEntry entry, Backup backup, String runId) {
        entry.setId(backup.id());
        entry.setRunId(runId);
        entry.setReason(backup.reason());
        entry.setLocator(backup.locator());
        entry.setFormat(backup.format().scheme());
        entry.setKind(backup.kind().id());
        entry.setRecords(backup.records());
        entry.setCreatedAt(backup.createdAt());
        entry.setRestoredAt(backup.restoredAt().orElse(null));
        return entry;
    }

    private static Backup toBackup(BackupEntry entry) {
        return new Backup(entry.getId(), entry.getCreatedAt(), entry.getReason(), entry.getLocator(),
                StoreProviders.format(entry.getFormat()), new Backup.Kind(entry.getKind().toLowerCase(Locale.ROOT)),
                entry.getRecords(), Optional.ofNullable(entry.getRestoredAt()));
    }

    private PastJob toPastJob(JobRun run) {
        return toPastJob(run, undoneBy(run));
    }

    private static PastJob toPastJob(JobRun run, Optional<String> undoneBy) {
        List<String> sources = run.getSources() == null ? List.of() : Arrays.asList(run.getSources().split("\n"));
        return new PastJob(run.getRunId(), run.getKind(), run.getDescription(), sources, Optional.ofNullable(run.getTarget()),
                run.getStartedAt(), Optional.ofNullable(run.getFinishedAt()), Optional.ofNullable(run.getOutcome()), counts(run.getCounts()),
                Optional.ofNullable(run.getReportPath()), Optional.ofNullable(run.getBackupId()), Optional.ofNullable(run.getUndoneAt()),
                Optional.ofNullable(run.getWrittenAt()), Optional.ofNullable(run.getPrunedBackupId()), false, Optional.ofNullable(run.getStopReason()),
                undoneBy);
    }

    /** Which undo took the run's changes out, when it was not the run's own: the undo of which earlier job (read on the catalog's connection). */
    private Optional<String> undoneBy(JobRun run) {
        if (run.getUndoneBy() == null || run.getUndoneAt() == null) {
            return Optional.empty();
        }
        Optional<JobRun> putBack = run(run.getUndoneBy()).flatMap(StoreTimeline::namedInUndo).flatMap(this::run);
        if (putBack.isEmpty() || putBack.get().getRunId().equals(run.getRunId())) {
            return Optional.empty();
        }
        return Optional.of("by the undo of " + putBack.get().getDescription() + " (run " + run.getUndoneBy() + "), which put the store back as"
                + " it was before that " + putBack.get().getKind());
    }

    private static Map<String, Long> counts(String json) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (json == null) {
            return counts;
        }
        try {
            JsonCodec.parse(json).fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        } catch (JsonProcessingException e) {
            throw new CatalogException("the catalog holds unreadable counts (" + e.getOriginalMessage() + ")", e);
        }
        return counts;
    }

    private static boolean touches(PastJob job, StoreLocator store) {
        List<String> stores = new ArrayList<>(job.sources());
        job.target().ifPresent(stores::add);
        return stores.stream().anyMatch(locator -> sameStore(locator, store));
    }

    static boolean sameStore(String locator, StoreLocator store) {
        try {
            return StoreProbe.sameStore(StoreLocator.parse(locator), store);
        } catch (RuntimeException unparseable) {
            return false;
        }
    }
}
