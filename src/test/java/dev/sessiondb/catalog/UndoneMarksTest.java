package dev.sessiondb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An undo puts back the backup one job took: the store then holds what it held before that job, so the changes of every
 * later job on it leave too, and an undo of that undo brings them back. The history marks each job as the store holds it
 * (an audit found a later job listed as not undone, its undo still offered, after an undo of an earlier one).
 */
class UndoneMarksTest {

    @TempDir
    Path dir;

    private int runs;

    @Test
    void anUndoOfAnEarlierJobMarksTheLaterJobsOfItsStoreUndoneByItAndNoOtherStoresJob() {
        String store = "json:" + dir.resolve("t2.json");
        String other = "json:" + dir.resolve("other.json");
        try (Catalog catalog = Catalog.open(dir)) {
            Backup a = job(catalog, "migrate", store);
            Backup b = job(catalog, "migrate", store);
            Backup c = job(catalog, "repair", store);
            Backup d = job(catalog, "migrate", other);

            UndoEffects undoingB = catalog.history().effectsOfUndoing(StoreLocator.parse(store)).apply(runOf(b));
            assertThat(undoingB.removes()).extracting(PastJob::runId).containsExactly(runOf(b), runOf(c));
            assertThat(undoingB.bringsBack()).isEmpty();
            assertThat(undoingB.besides(runOf(b))).isEqualTo("it also removes the changes of the later job repair into " + store
                    + " (run " + runOf(c) + ")");

            Backup undoOfB = undo(catalog, b);

            assertThat(job(catalog, runOf(b)).undone()).isTrue();
            assertThat(job(catalog, runOf(b)).undoneBy()).as("its own undo took it back").isEmpty();
            PastJob repair = job(catalog, runOf(c));
            assertThat(repair.undone()).isTrue();
            assertThat(repair.undoneBy()).contains("by the undo of migrate into " + store + " (run " + runOf(undoOfB) + "), which put the store"
                    + " back as it was before that migrate");
            assertThat(repair.undoable()).isFalse();
            assertThat(job(catalog, runOf(a)).undone()).isFalse();
            assertThat(job(catalog, runOf(d)).undone()).as("another store").isFalse();
            assertThat(catalog.history().undoable(StoreLocator.parse(store))).extracting(PastJob::runId).containsExactly(runOf(a));
            assertThat(catalog.history().backups()).filteredOn(indexed -> indexed.backup().id().equals(c.id())).singleElement()
                    .satisfies(indexed -> assertThat(indexed.undoState()).isEqualTo("undone"));
        }
    }

    @Test
    void anUndoOfThatUndoBringsBackEveryJobItTookOutAndSaysSoFirst() {
        String store = "json:" + dir.resolve("t2.json");
        try (Catalog catalog = Catalog.open(dir)) {
            List<Backup> jobs = twoMigrationsAndARepair(catalog, store);
            Backup a = jobs.get(0);
            Backup b = jobs.get(1);
            Backup c = jobs.get(2);
            Backup undoOfB = undo(catalog, b);

            UndoEffects undoingTheUndo = catalog.history().effectsOfUndoing(StoreLocator.parse(store)).apply(runOf(undoOfB));
            assertThat(undoingTheUndo.removes()).isEmpty();
            assertThat(undoingTheUndo.bringsBack()).extracting(PastJob::runId).containsExactly(runOf(b), runOf(c));
            assertThat(undoingTheUndo.besides(runOf(undoOfB))).isEqualTo("it brings back the changes of migrate into " + store + " (run "
                    + runOf(b) + "), repair into " + store + " (run " + runOf(c) + ")");

            Backup undoOfTheUndo = undo(catalog, undoOfB);

            for (Backup job : List.of(a, b, c)) {
                assertThat(job(catalog, runOf(job)).undone()).as(job.id()).isFalse();
                assertThat(job(catalog, runOf(job)).undoneBy()).as(job.id()).isEmpty();
            }
            assertThat(job(catalog, runOf(undoOfB)).undone()).isTrue();
            assertThat(catalog.history().undoable(StoreLocator.parse(store))).extracting(PastJob::runId).containsExactly(runOf(c), runOf(b), runOf(a));

            undo(catalog, undoOfTheUndo);

            assertThat(job(catalog, runOf(b)).undone()).as("undone again, with the undo of it").isTrue();
            assertThat(job(catalog, runOf(c)).undone()).isTrue();
            assertThat(job(catalog, runOf(a)).undone()).isFalse();
        }
    }

    /** Putting back the backup of a job another undo took out: the store holds what it held before that job, the jobs before it included. */
    @Test
    void puttingBackTheBackupOfAJobTakenOutWithAnEarlierOneBringsBackTheJobsBeforeIt() {
        try (Catalog catalog = Catalog.open(dir)) {
            List<Backup> jobs = twoMigrationsAndARepair(catalog, "json:" + dir.resolve("t2.json"));
            Backup a = jobs.get(0);
            Backup b = jobs.get(1);
            Backup c = jobs.get(2);
            undo(catalog, b);

            undo(catalog, c);

            assertThat(job(catalog, runOf(a)).undone()).isFalse();
            assertThat(job(catalog, runOf(b)).undone()).as("the state before the repair holds it").isFalse();
            assertThat(job(catalog, runOf(c)).undone()).isTrue();
            assertThat(job(catalog, runOf(c)).undoneBy()).as("the undo that took it out first").hasValueSatisfying(by -> assertThat(by)
                    .startsWith("by the undo of migrate into json:" + dir.resolve("t2.json")));
        }
    }

    /**
     * Ctrl+Z twice: the undo of the later job, then of the earlier one, which puts the store back as it was before both, so
     * the first undo's work is gone too. It was listed as not undone and offered again (its undo bringing back both jobs),
     * beside the second undo, which brings back the same state step by step.
     */
    @Test
    void anUndoOfAnEarlierJobTakesOutTheUndoBeforeItAndAnUndoOfItBringsThatUndoBack() {
        String store = "json:" + dir.resolve("t2.json");
        try (Catalog catalog = Catalog.open(dir)) {
            Backup a = job(catalog, "migrate", store);
            Backup b = job(catalog, "migrate", store);
            Backup undoOfB = undo(catalog, b);

            Backup undoOfA = undo(catalog, a);

            PastJob firstUndo = job(catalog, runOf(undoOfB));
            assertThat(firstUndo.undone()).isTrue();
            assertThat(firstUndo.undoneBy()).contains("by the undo of migrate into " + store + " (run " + runOf(undoOfA) + "), which put the"
                    + " store back as it was before that migrate");
            assertThat(firstUndo.undoableFromHistory()).isFalse();
            assertThat(job(catalog, runOf(undoOfA)).undoableFromHistory()).isTrue();
            assertThat(catalog.history().backups()).filteredOn(indexed -> indexed.backup().id().equals(undoOfB.id())).singleElement()
                    .satisfies(indexed -> assertThat(indexed.undoState()).isEqualTo("undone"));
            UndoEffects undoingTheSecondUndo = catalog.history().effectsOfUndoing(StoreLocator.parse(store)).apply(runOf(undoOfA));
            assertThat(undoingTheSecondUndo.besides(runOf(undoOfA))).as("an undo's work is told by the undo itself, not named as a job's")
                    .isEqualTo("it brings back the changes of migrate into " + store + " (run " + runOf(a) + ")");

            undo(catalog, undoOfA);

            assertThat(job(catalog, runOf(undoOfB)).undone()).as("the store holds its work again").isFalse();
            assertThat(job(catalog, runOf(undoOfB)).undoableFromHistory()).isTrue();
            assertThat(job(catalog, runOf(a)).undone()).isFalse();
            assertThat(job(catalog, runOf(b)).undone()).isTrue();
        }
    }

    /** A catalog file read again says the same: the marks are in it, not worked out by one process. */
    @Test
    void theMarksAreKeptInTheCatalogFile() {
        String store = "sqlite:" + dir.resolve("t2.db");
        Backup b;
        Backup c;
        try (Catalog catalog = Catalog.open(dir)) {
            job(catalog, "migrate", store);
            b = job(catalog, "migrate", store);
            c = job(catalog, "consolidate", store);
            undo(catalog, b);
        }

        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(job(catalog, runOf(c)).undoneBy()).hasValueSatisfying(by -> assertThat(by).startsWith("by the undo of migrate into " + store));
            assertThat(job(catalog, runOf(c)).toJson().get("undoneBy").asText()).startsWith("by the undo of migrate into " + store);
        }
    }

    private List<Backup> twoMigrationsAndARepair(Catalog catalog, String store) {
        return List.of(job(catalog, "migrate", store), job(catalog, "migrate", store), job(catalog, "repair", store));
    }

    private Backup job(Catalog catalog, String kind, String store) {
        String runId = nextRunId(kind);
        Backup backup = new Backup(runId + "-beef", Instant.now(), kind + " into " + store, store, StoreLocator.parse(store).format(),
                Backup.Kind.ABSENT, 0, Optional.empty());
        catalog.history().started(runId, kind + " into " + store, List.of(), store);
        catalog.history().backedUp(runId, backup, Optional.empty());
        JobReport report = new JobReport.Builder(runId, kind, kind + " into " + store).stores(List.of(), StoreLocator.parse(store))
                .backupId(backup.id()).build();
        catalog.history().reportSaved(report, dir.resolve(runId + ".json"), Optional.empty());
        return backup;
    }

    /** An undo of the job that took {@code restored}, recorded as the journal records it; returns the undo's own backup. */
    private Backup undo(Catalog catalog, Backup restored) {
        String runId = nextRunId("undo");
        Backup replaced = new Backup(runId + "-beef", Instant.now(), "undo " + restored.id(), restored.locator(), restored.format(),
                Backup.Kind.ABSENT, 0, Optional.empty());
        catalog.history().started(runId, "undo " + restored.id(), List.of(), restored.locator());
        catalog.history().backedUp(runId, replaced, Optional.empty());
        catalog.history().restoring(restored, replaced);
        catalog.history().restored(restored.markedRestored(Instant.now()), replaced, Optional.empty());
        return replaced;
    }

    private String nextRunId(String kind) {
        runs++;
        return "20261206T1000%02d.000Z-%s-%04x".formatted(runs, kind, runs);
    }

    private static String runOf(Backup backup) {
        return backup.id().substring(0, backup.id().lastIndexOf('-'));
    }

    private static PastJob job(Catalog catalog, String runId) {
        return catalog.history().list(Optional.empty(), 100).stream().filter(job -> job.runId().equals(runId)).findFirst().orElseThrow();
    }
}
