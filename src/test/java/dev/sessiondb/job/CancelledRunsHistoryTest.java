package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A migration cancelled while it writes a new store (built out of sight or not) is in the history, ended cancelled, with its stores. */
class CancelledRunsHistoryTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jsondir:", "json:", "sqlite:"})
    void aMigrationCancelledWhileWritingANewStoreIsListedCancelled(String scheme) {
        Path folder = dir.resolve("journal");
        List<String> warnings = new ArrayList<>();
        BackupJournal journal = CatalogRecorder.journal(folder, warnings::add);
        StoreLocator source = StoreLocator.parse("json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir));
        StoreLocator target = StoreLocator.parse(scheme + dir.resolve("new-store"));
        MigrateJob job = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.empty(), false, true), journal);

        ProgressTracker tracker = new ProgressTracker();
        tracker.addListener(snapshot -> {
            if (snapshot.phase().equals("writing target") && snapshot.done() > 0) {
                tracker.cancel();
            }
        });

        assertThatThrownBy(() -> job.run(tracker)).isInstanceOf(CancelledException.class);

        List<PastJob> jobs = new HistoryReader(journal).jobs(Optional.empty(), 10);
        assertThat(jobs).hasSize(1);
        PastJob cancelled = jobs.get(0);
        assertThat(cancelled.kind()).isEqualTo("migrate");
        assertThat(cancelled.outcome()).contains("cancelled");
        assertThat(cancelled.ending()).isEqualTo("cancelled");
        assertThat(cancelled.toJson().toString()).contains(source.path().toString()).contains(dir.resolve("new-store").toString());
        assertThat(cancelled.undoable()).as("nothing was put in place").isFalse();
        assertThat(journal.mayBeRunning(cancelled.runId())).isFalse();
        assertThat(warnings).isEmpty();
    }
}
