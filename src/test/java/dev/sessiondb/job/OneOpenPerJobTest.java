package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.CountingProvider;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job opens its source once and its target once, and plans, backs up, writes and verifies
 * through those handles (counted by {@link CountingProvider}); a target written between the
 * plan and the run is refused with nothing written.
 */
class OneOpenPerJobTest {

    @TempDir
    Path dir;

    private StoreLocator source;
    private BackupJournal journal;

    @BeforeEach
    void sqliteSource() {
        source = StoreContents.create("sqlite:" + dir.resolve("source.db"), Fixtures.minskyRecords());
        journal = new BackupJournal(dir.resolve("journal"));
    }

    @Test
    void aMergeMigrationIntoPostgresOpensItsTargetOnceAndItsSourceOnce() {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(5, 7));
        CountingProvider.reset();

        JobReport report = merge(target).run(ProgressMonitor.NONE);

        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(report.backupId()).isPresent();
        assertThat(CountingProvider.opens(target)).as("opens of the target").isEqualTo(1);
        assertThat(CountingProvider.opens(source)).as("opens of the source").isEqualTo(1);
        assertThat(StoreContents.records(target)).hasSize(Fixtures.MINSKY_COUNT + 5);
    }

    @Test
    void aTargetWrittenBetweenThePlanAndTheRunIsRefusedWithNothingWritten() {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(5, 7));
        MigrateJob job = merge(target);
        job.plan();
        SessionRecord added = SampleSessions.minskyList(1, 99).get(0);
        try (SessionStore store = StoreFactory.open(target, OpenMode.EXISTING)) {
            store.put(added);
        }
        List<String> before = StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)));

        assertThatThrownBy(() -> job.run(ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("changed after the plan: another program wrote to it").hasMessageContaining("run the job again");

        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)))).isEqualTo(before);
        assertThat(journal.list()).as("no backup was taken: nothing was about to be written").isEmpty();
    }

    @Test
    void aSqliteTargetWrittenBetweenThePlanAndTheRunIsRefusedToo() {
        List<SessionRecord> own = SampleSessions.minskyList(5, 7);
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), own);
        MigrateJob job = merge(target);
        job.plan();
        try (SessionStore store = StoreFactory.open(target, OpenMode.EXISTING)) {
            store.delete(own.get(0).key());
        }

        assertThatThrownBy(() -> job.run(ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("changed after the plan");
        assertThat(StoreContents.records(target)).hasSize(4);
    }

    private MigrateJob merge(StoreLocator target) {
        return new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.MERGE), false, true), journal);
    }
}
