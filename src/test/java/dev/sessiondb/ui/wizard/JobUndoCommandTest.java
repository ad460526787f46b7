package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The undo stack's contract holds for a job: execute leaves the job's result in place, undo takes it back, execute brings it back. */
class JobUndoCommandTest {

    @TempDir
    Path dir;

    @Test
    void undoTakesAJobBackAndExecuteRedoesIt() {
        StoreLocator source = create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(7, 1));
        StoreLocator target = create("json:" + dir.resolve("target.json"), SampleSessions.minskyList(3, 2));
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        JobReport report = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true),
                journal).run(ProgressMonitor.NONE);
        JobUndoCommand command = JobUndoCommand.of("migration into", target, journal, report.backupId().orElseThrow());

        command.execute();
        assertThat(count(target)).as("executing before any undo keeps the job's result").isEqualTo(7);
        command.undo();
        assertThat(count(target)).isEqualTo(3);
        command.execute();
        assertThat(count(target)).isEqualTo(7);
        command.undo();
        assertThat(count(target)).isEqualTo(3);
        assertThat(command.description()).isEqualTo("migration into target.json");
    }

    private static StoreLocator create(String locator, List<SessionRecord> records) {
        StoreLocator parsed = StoreLocator.parse(locator);
        try (SessionStore store = StoreFactory.open(parsed, OpenMode.CREATE_IF_MISSING)) {
            records.forEach(store::put);
        }
        return parsed;
    }

    private static long count(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return store.count();
        }
    }
}
