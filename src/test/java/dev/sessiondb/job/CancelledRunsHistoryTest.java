package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run cancelled while it writes a new store (built out of sight or not), or while it still reads
 * before writing anything, is in the history, ended cancelled, with its stores.
 */
class CancelledRunsHistoryTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private BackupJournal journal;

    @BeforeEach
    void openJournal() {
        journal = CatalogRecorder.journal(dir.resolve("journal"), warnings::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsondir:", "json:", "sqlite:"})
    void aMigrationCancelledWhileWritingANewStoreIsListedCancelled(String scheme) {
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
    @Test
    void aMigrationIntoAnExistingStoreCancelledWhileReadingIsListedCancelledWithNothingWritten() throws IOException {
        StoreLocator target = StoreLocator.parse("sqlite:" + dir.resolve("existing.db"));
        StoreContents.create(target.toString(), Fixtures.minskyRecords().subList(0, 3));
        byte[] before = Files.readAllBytes(target.path());
        StoreLocator source = StoreLocator.parse("json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir));
        MigrateJob job = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal);

        PastJob cancelled = cancelledWhileReading(job::run);

        assertThat(cancelled.kind()).isEqualTo("migrate");
        assertThat(cancelled.toJson().toString()).contains(source.path().toString()).contains(target.path().toString());
        assertThat(Files.readAllBytes(target.path())).as("the target as it was").isEqualTo(before);
    }

    @Test
    void aConsolidationCancelledWhileReadingItsSourcesIsListedCancelled() {
        List<StoreLocator> sources = List.of(StoreContents.create("json:" + dir.resolve("a.json"), Fixtures.minskyRecords().subList(0, 5)),
                StoreContents.create("json:" + dir.resolve("b.json"), Fixtures.minskyRecords().subList(3, 9)));
        StoreLocator target = StoreLocator.parse("json:" + dir.resolve("merged.json"));
        ConsolidateJob job = new ConsolidateJob(sources, target, ConsolidateOptions.of(ConflictPolicy.NEWEST), journal);

        assertThat(cancelledWhileReading(job::run).kind()).isEqualTo("consolidate");
        assertThat(target.path()).doesNotExist();
    }

    @Test
    void aRepairCancelledWhilePlanningIsListedCancelledWithTheStoreUnchanged() throws IOException {
        StoreLocator store = StoreContents.create("sqlite:" + dir.resolve("repair.db"), Fixtures.minskyRecords());
        byte[] before = Files.readAllBytes(store.path());
        RepairJob job = new RepairJob(store, List.of("repo-name-variant", "task-id-form"), List.of(), journal);

        assertThat(cancelledWhileReading(job::run).kind()).isEqualTo("repair");
        assertThat(Files.readAllBytes(store.path())).isEqualTo(before);
    }

    /** Runs a job the user cancelled before it wrote anything; returns the one run the history lists. */
    private PastJob cancelledWhileReading(Consumer<ProgressTracker> run) {
        ProgressTracker tracker = new ProgressTracker();
        tracker.cancel();

        assertThatThrownBy(() -> run.accept(tracker)).isInstanceOf(CancelledException.class);

        List<PastJob> jobs = new HistoryReader(journal).jobs(Optional.empty(), 10);
        assertThat(jobs).hasSize(1);
        PastJob cancelled = jobs.get(0);
        assertThat(cancelled.ending()).isEqualTo("cancelled");
        assertThat(cancelled.undoable()).as("nothing was written, so nothing to undo").isFalse();
        assertThat(journal.mayBeRunning(cancelled.runId())).isFalse();
        assertThat(journal.list()).as("no backup taken").isEmpty();
        assertThat(warnings).isEmpty();
        return cancelled;
    }
}
