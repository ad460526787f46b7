package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.job.upgrade.UpgradeJob;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.HoldWriterLock;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreWriterLock;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * While a run writes a store (it holds the store's writer lock from its backup or staging to its end), a migrate into
 * that store and an undo of it are refused at once, naming the store and the run, and change nothing; once the run
 * ends the same migrate writes. A writing job started while another process's run writes its store is refused at its
 * start, before it reads or plans anything; a plan (a dry run) is not refused and says who writes the store now. Another
 * process holding the lock, and one killed holding it: {@code StoreWriterLockTest}.
 */
class OneWriterPerStoreTest {

    private static final String HOLDER = "run 20261206T153337.789Z-migrate-7b61 (process 4242)";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "json", "postgresql"})
    void aMigrateAndAnUndoWhileAnotherRunWritesTheStoreAreRefusedAndChangeNothing(String kind) {
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        List<SessionRecord> held = SampleSessions.minskyList(5, 7);
        StoreLocator target = StoreContents.create(locatorOf(kind), held);
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(9, 8));
        Backup earlier = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal)
                .run(ProgressMonitor.NONE).backupId().flatMap(journal::find).orElseThrow();
        List<String> written = StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)));

        // the first writer, held where a job is once it has staged or backed up the store and until it ends
        JobReport.Builder writing = journal.startRun("migrate", "migrate in progress", List.of(), target);
        journal.holdWriter(writing.runId(), target);
        String refusal = target.display() + " is being written by run " + writing.runId() + " (process " + ProcessHandle.current().pid() + ")";

        assertThatThrownBy(() -> new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.MERGE), false, true), journal)
                .run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageStartingWith(refusal)
                .hasMessageContaining("; nothing was changed; wait for that run to end (or stop it), then run the command again");
        // the backup names the store with its layout
        assertThatThrownBy(() -> journal.restore(earlier, ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining(refusal.substring(target.display().length()));
        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)))).isEqualTo(written);

        journal.saveReport(writing.build());
        journal.restore(earlier, ProgressMonitor.NONE);
        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target))))
                .isEqualTo(StoreContents.canonical(StoreContents.byKey(held)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "json", "postgresql"})
    void everyWritingJobIsRefusedBeforeItPlansWhileAnotherProcessWritesItsStore(String kind) throws Exception {
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        StoreLocator target = StoreContents.create(locatorOf(kind), SampleSessions.minskyList(5, 7));
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(9, 8));
        List<String> before = StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)));
        Map<String, Job> jobs = Map.of(
                "migrate", new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.MERGE), false, true), journal),
                "consolidate", new ConsolidateJob(List.of(source), target, new ConsolidateOptions(ConflictPolicy.NEWEST, Optional.empty(),
                        Optional.of(TargetMode.MERGE), false, true), journal),
                "repair", new RepairJob(target, List.of(), List.of(), journal),
                "upgrade", new UpgradeJob(target, journal));

        Process holder = HoldWriterLock.started(kind.equals("postgresql") ? target.target() + "?schema="
                + target.param("schema").orElseThrow() : kind + ":" + target.path(), HOLDER);
        try {
            jobs.forEach((name, job) -> {
                WorkSeen seen = new WorkSeen();
                assertThatThrownBy(() -> job.run(seen)).as(name).isInstanceOf(JobRefusedException.class)
                        .hasMessage(target.display() + " is being written by " + HOLDER
                                + "; nothing was changed; wait for that run to end (or stop it), then run the command again");
                assertThat(seen.reports).as(name + " is refused before it reads or plans anything").isEmpty();
            });
            for (String planned : List.of("migrate", "repair")) {
                assertThat(jobs.get(planned).plan().warnings()).as("a dry run goes on and says who writes the store")
                        .contains(target.display() + " is being written now by " + HOLDER + "; running now would be refused until that run ends");
            }
            assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)))).isEqualTo(before);
        } finally {
            HoldWriterLock.kill(holder);
        }

        assertThat(StoreWriters.writtenNow(target)).as("the lock file a killed holder left names no writer").isEmpty();
        assertThat(jobs.get("migrate").run(ProgressMonitor.NONE).outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
    }

    @Test
    void aLookAtAStoreNoRunWritesLeavesNothingBesideIt() {
        StoreLocator store = StoreContents.create("sqlite:" + dir.resolve("alone.db"), SampleSessions.minskyList(3, 1));

        assertThat(StoreWriters.writtenNow(store)).isEmpty();
        assertThat(StoreWriterLock.fileOf(store.path())).doesNotExist();
    }

    private String locatorOf(String kind) {
        return switch (kind) {
            case "sqlite" -> "sqlite:" + dir.resolve("target.db");
            case "json" -> "json:" + dir.resolve("target.json");
            default -> {
                StoreLocator schema = TestPostgres.get().freshSchema();
                yield schema.target() + "?schema=" + schema.param("schema").orElseThrow();
            }
        };
    }

    /** Every message and progress report a job gave: none means it read and planned nothing. */
    private static final class WorkSeen implements ProgressMonitor {

        private final List<String> reports = new ArrayList<>();

        @Override
        public void progress(long done, long total) {
            reports.add(done + "/" + total);
        }

        @Override
        public void message(String text) {
            reports.add(text);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
