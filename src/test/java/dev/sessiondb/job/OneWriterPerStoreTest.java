package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * While a run writes a store (it holds the store's writer lock from its backup or staging to its end), a migrate into
 * that store and an undo of it are refused at once, naming the store and the run, and change nothing; once the run
 * ends the same migrate writes. Another process holding the lock, and one killed holding it: {@code StoreWriterLockTest}.
 */
class OneWriterPerStoreTest {

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
}
