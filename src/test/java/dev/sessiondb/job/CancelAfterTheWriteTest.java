package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cancel asked once a new store's write is committed no longer stops the job: it finishes its verification and
 * ends completed, with its backup and its undo, as the history says; before that point a cancel still writes nothing.
 */
class CancelAfterTheWriteTest {

    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private BackupJournal journal;
    private StoreLocator source;

    @BeforeEach
    void openJournal() {
        journal = CatalogRecorder.journal(dir.resolve("journal"), warnings::add);
        source = StoreContents.create("json:" + dir.resolve("sessions.json"), SampleSessions.minskyList(RECORDS, 7));
    }

    @Test
    void aCancelWhileANewPostgresStoreIsVerifiedAfterItsCommitFinishesTheJobAsCompletedAndUndoable() {
        StoreLocator target = TestPostgres.get().freshSchema();
        ProgressTracker tracker = cancellingWhenVerifying();

        JobReport report = migrate(target).run(tracker);

        assertThat(tracker.isCancelled()).as("the cancel was asked while verifying").isTrue();
        assertThat(tracker.snapshot().pastCancel()).as("the tracker tells the window the cancel came too late").isTrue();
        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(report.counts()).containsEntry("records verified", (long) RECORDS);
        assertThat(report.backupId()).isPresent();
        assertThat(StoreContents.records(target)).hasSize(RECORDS);
        PastJob listed = new HistoryReader(journal).jobs(Optional.empty(), 10).get(0);
        assertThat(listed.ending()).isEqualTo("completed");
        assertThat(listed.undoable()).as("its own undo is offered").isTrue();
        assertThat(listed.backupId()).isEqualTo(report.backupId());
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"json:new.json", "sqlite:new.db"})
    void aCancelWhileANewFileIsVerifiedBeforeItIsPutInPlaceStillWritesNothing(String scheme) {
        StoreLocator target = StoreLocator.parse(scheme.substring(0, scheme.indexOf(':') + 1) + dir.resolve(scheme.substring(scheme.indexOf(':') + 1)));
        ProgressTracker tracker = cancellingWhenVerifying();

        assertThatThrownBy(() -> migrate(target).run(tracker)).isInstanceOf(CancelledException.class)
                .satisfies(stopped -> assertThat(((CancelledException) stopped).backupKept()).isEmpty());

        assertThat(target.path()).doesNotExist();
        assertThat(new HistoryReader(journal).jobs(Optional.empty(), 10).get(0).undoable()).isFalse();
    }

    private MigrateJob migrate(StoreLocator target) {
        return new MigrateJob(source, target, MigrateOptions.defaults(), journal);
    }

    private static ProgressTracker cancellingWhenVerifying() {
        ProgressTracker tracker = new ProgressTracker();
        tracker.addListener(snapshot -> {
            if (snapshot.phase().startsWith("verifying")) {
                tracker.cancel();
            }
        });
        return tracker;
    }
}
