package dev.sessiondb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.sql.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class CatalogTest {

    @TempDir
    Path dir;

    /** An up-to-date catalog is opened without Flyway: its history's version is compared with this constant. */
    @Test
    void theNewestVersionIsTheNewestCatalogScripts() throws Exception {
        try (var scripts = Files.list(Path.of("src/main/resources/db/catalog"))) {
            int newest = scripts.map(script -> script.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
            assertThat(Catalog.NEWEST).isEqualTo(String.valueOf(newest));
        }
    }

    /** A new catalog is made at once from every catalog script, as Flyway makes it: the same tables and history, which Flyway then finds current. */
    @Test
    void aNewCatalogIsMadeAtOnceAsFlywayMakesIt() throws Exception {
        try (var scripts = Files.list(Path.of("src/main/resources/db/catalog"))) {
            assertThat(scripts.map(script -> script.getFileName().toString()).sorted().toList()).isEqualTo(Catalog.SCHEMA.scripts());
        }
        SQLiteDataSource byFlyway = new SQLiteDataSource();
        byFlyway.setUrl("jdbc:sqlite:" + dir.resolve("flyway.db"));
        Flyway.configure().dataSource(byFlyway).locations("classpath:db/catalog").load().migrate();
        Catalog.open(dir.resolve("at-once")).close();
        SQLiteDataSource atOnce = new SQLiteDataSource();
        atOnce.setUrl("jdbc:sqlite:" + dir.resolve("at-once").resolve(Catalog.FILE_NAME));

        String flywayMade = SchemaDump.sqlite(byFlyway, Catalog.HISTORY_TABLE);
        assertThat(flywayMade).contains("job_run", "saved_store", "V1__catalog.sql");
        assertThat(SchemaDump.sqlite(atOnce, Catalog.HISTORY_TABLE)).isEqualTo(flywayMade);
        Flyway.configure().dataSource(atOnce).locations("classpath:db/catalog").load().migrate();
        assertThat(SchemaDump.sqlite(atOnce, Catalog.HISTORY_TABLE)).as("Flyway validated it and had nothing to add").isEqualTo(flywayMade);
    }

    /** A catalog an older version wrote gets the columns of the target's marks; its runs have none, so undo says it could not check. */
    @Test
    void aCatalogOfVersion3IsBroughtToVersion4AndItsRunsHoldNoMarks() {
        SQLiteDataSource older = new SQLiteDataSource();
        older.setUrl("jdbc:sqlite:" + dir.resolve(Catalog.FILE_NAME));
        Flyway.configure().dataSource(older).locations("classpath:db/catalog").target("3").load().migrate();
        String runId = "20261201T100000.000Z-migrate-1111";
        try (Catalog catalog = Catalog.open(dir)) {
            catalog.history().started(runId, "migrate json:/tmp/a.json -> json:/tmp/b.json", List.of("json:/tmp/a.json"), "json:/tmp/b.json");
        }

        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(catalog.history().resultOf(runId)).hasValueSatisfying(result -> assertThat(result.marks()).isEmpty());
        }
        assertThat(Flyway.configure().dataSource(older).locations("classpath:db/catalog").load().info().current().getVersion().getVersion())
                .isEqualTo(Catalog.NEWEST);
    }

    @Test
    void aJobItsBackupAndItsUndoRoundTripThroughTheSqliteFile() {
        Path target = dir.resolve("copy.db");
        String runId = "20261201T100000.000Z-migrate-0a1b";
        Backup backup = new Backup(runId + "-beef", Instant.parse("2026-12-01T10:00:01Z"), "migrate json:a.json -> sqlite:" + target,
                "sqlite:" + target, StoreFormat.SQLITE, Backup.Kind.ABSENT, 0, Optional.empty());
        JobReport.Builder builder = new JobReport.Builder(runId, "migrate", "migrate json:a.json -> sqlite:" + target)
                .stores(List.of(StoreLocator.parse("json:" + dir.resolve("a.json"))), StoreLocator.parse("sqlite:" + target))
                .count("records written", 217).backupId(backup.id());
        JobReport report = builder.build();

        try (Catalog catalog = Catalog.open(dir)) {
            catalog.history().backedUp(runId, backup, Optional.empty());
            catalog.history().reportSaved(report, dir.resolve("reports").resolve(runId + ".json"), Optional.empty());
        }

        try (Catalog catalog = Catalog.open(dir)) {
            PastJob job = catalog.history().list(Optional.empty(), 10).get(0);
            assertThat(job.runId()).isEqualTo(runId);
            assertThat(job.kind()).isEqualTo("migrate");
            assertThat(job.sources()).containsExactly("json:" + dir.resolve("a.json"));
            assertThat(job.target()).contains("sqlite:" + target);
            assertThat(job.outcome()).contains("completed");
            assertThat(job.counts()).containsExactly(Map.entry("records written", 217L));
            assertThat(job.backupId()).contains(backup.id());
            assertThat(job.startedAt()).isEqualTo(report.startedAt().truncatedTo(ChronoUnit.MILLIS));
            assertThat(job.undone()).isFalse();
            assertThat(catalog.history().undoable(StoreLocator.parse("sqlite:" + target))).extracting(PastJob::runId).containsExactly(runId);
            assertThat(catalog.history().list(Optional.of(StoreLocator.parse("json:" + dir.resolve("a.json"))), 10)).hasSize(1);
            assertThat(catalog.history().list(Optional.of(StoreLocator.parse("json:" + dir.resolve("other.json"))), 10)).isEmpty();
            assertThat(catalog.history().backups()).singleElement().satisfies(indexed -> {
                assertThat(indexed.job()).isEqualTo("migrate");
                assertThat(indexed.backup()).isEqualTo(backup);
            });

            Backup replaced = new Backup("20261201T100500.000Z-undo-1111-beef", report.finishedAt().plusSeconds(60), "undo " + backup.id(),
                    "sqlite:" + target, StoreFormat.SQLITE, Backup.Kind.of(StoreProvider.SnapshotKind.SQLITE), 217, Optional.empty());
            catalog.history().backedUp("20261201T100500.000Z-undo-1111", replaced, Optional.empty());
            catalog.history().restored(backup.markedRestored(report.finishedAt().plusSeconds(62)), replaced, Optional.empty());
        }

        try (Catalog catalog = Catalog.open(dir)) {
            List<PastJob> jobs = catalog.history().list(Optional.empty(), 10);
            assertThat(jobs).extracting(PastJob::kind).containsExactly("undo", "migrate");
            assertThat(jobs.get(0).outcome()).contains("completed");
            assertThat(jobs.get(1).undoneAt()).contains(report.finishedAt().plusSeconds(62).truncatedTo(ChronoUnit.MILLIS));
            assertThat(catalog.history().undoable(StoreLocator.parse("sqlite:" + target))).isEmpty();
            assertThat(catalog.history().list(Optional.empty(), 1)).hasSize(1);
        }
    }

    /** A run whose write stopped ends cancelled or failed; it stays undoable only when its backup was kept (the store may have changed). */
    @Test
    void aRunThatStoppedEndsCancelledOrFailedAndIsUndoableOnlyWhileItsBackupIsKept() {
        Path kept = dir.resolve("kept.db");
        Path maybeChanged = dir.resolve("maybe-changed.db");
        Backup discarded = sqliteBackup("20261201T110000.000Z-migrate-0c0d", kept);
        Backup stillThere = sqliteBackup("20261201T120000.000Z-migrate-0e0f", maybeChanged);

        try (Catalog catalog = Catalog.open(dir)) {
            catalog.history().backedUp(RunIds.runIdOf(discarded), discarded, Optional.empty());
            catalog.history().discarded(discarded, "cancelled", Optional.empty());
            catalog.history().backedUp(RunIds.runIdOf(stillThere), stillThere, Optional.empty());
            catalog.history().ended(RunIds.runIdOf(stillThere), "failed", Optional.empty());
        }

        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(catalog.history().list(Optional.empty(), 10)).extracting(PastJob::runId, PastJob::outcome, PastJob::backupId).containsExactly(
                    Tuple.tuple(RunIds.runIdOf(stillThere), Optional.of("failed"), Optional.of(stillThere.id())),
                    Tuple.tuple(RunIds.runIdOf(discarded), Optional.of("cancelled"), Optional.empty()));
            assertThat(catalog.history().undoable(StoreLocator.parse("sqlite:" + kept))).isEmpty();
            assertThat(catalog.history().undoable(StoreLocator.parse("sqlite:" + maybeChanged))).hasSize(1);
            assertThat(catalog.history().backups()).extracting(indexed -> indexed.backup().id()).containsExactly(stillThere.id());
        }
    }

    /**
     * A failed write ends its run at once; what the failed job left (known only when its new store is closed after) then
     * completes the reason the history keeps. Another reason, not one that adds to the first, leaves the first as it was.
     */
    @Test
    void aFailedRunsReasonIsCompletedWithWhatItLeftButNotReplacedByAnother() {
        String runId = "20261201T130000.000Z-migrate-1a1b";
        String failure = "postgresql://db?schema=s: writing failed (the server closed the connection)";
        String left = failure + "; the target holds none of the records, but the empty tables the job made could not be taken away";
        try (Catalog catalog = Catalog.open(dir)) {
            catalog.history().started(runId, "migrate json:a.json -> postgresql://db?schema=s", List.of("json:a.json"), "postgresql://db?schema=s");
            catalog.history().ended(runId, "failed", Optional.of(failure));
            catalog.history().ended(runId, "failed", Optional.of(left));
            catalog.history().ended(runId, "failed", Optional.of("something else"));
        }

        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(catalog.history().list(Optional.empty(), 1)).extracting(PastJob::outcome, PastJob::stopReason)
                    .containsExactly(Tuple.tuple(Optional.of("failed"), Optional.of(left)));
        }
    }

    /**
     * A history read in the window indexes the journal's backups; one taken by a job running then may be indexed by that read
     * before the job tells the history it backed up (a test run met "UNIQUE constraint failed: backup_entry.id" there).
     */
    @Test
    void aBackupAHistoryReadIndexedFirstIsStillRecordedAsItsJobsBackup() {
        Path target = dir.resolve("target.db");
        Backup backup = sqliteBackup("20261201T140000.000Z-repair-2a2b", target);
        String runId = RunIds.runIdOf(backup);

        try (Catalog catalog = Catalog.open(dir)) {
            catalog.history().started(runId, "repair sqlite:" + target, List.of(), "sqlite:" + target);
            catalog.history().reconcile(List.of(backup), id -> true);
            catalog.history().backedUp(runId, backup, Optional.of("mark-before"));
            catalog.history().ended(runId, "completed", Optional.empty());
        }

        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(catalog.history().list(Optional.empty(), 1)).extracting(PastJob::runId, PastJob::backupId)
                    .containsExactly(Tuple.tuple(runId, Optional.of(backup.id())));
            assertThat(catalog.history().backups()).extracting(indexed -> indexed.backup().id()).containsExactly(backup.id());
        }
    }

    /**
     * The second half of that race: the job indexes its backup after a history read took the index and before that read writes
     * the backups the index lacks. The read lists the journal again and opens the history writable, the backup recorded as the
     * job's (it opened the history read-only, or failed, on 'UNIQUE constraint failed: backup_entry.id').
     */
    @Test
    void aHistoryReadThatAJobsIndexingComesBetweenListsTheJournalAgain() {
        BackupJournal journal = new BackupJournal(dir);
        String runId = "20261201T150000.000Z-migrate-3a3b";
        StoreLocator target = StoreLocator.parse("sqlite:" + dir.resolve("new.db"));
        Backup backup = journal.backUpAbsent(runId, target, "migrate json:a.json -> sqlite:" + target.path());

        try (Catalog job = Catalog.open(dir)) {
            job.history().started(runId, "migrate json:a.json -> sqlite:" + target.path(), List.of("json:a.json"), "sqlite:" + target.path());
            try (Catalog read = Catalog.ofJournal(journal, () -> job.history().backedUp(runId, backup, Optional.empty())).orElseThrow()) {
                assertThat(read.writable()).as("opened writable, not read-only after the race").isTrue();
                assertThat(read.history().backups()).extracting(indexed -> indexed.backup().id()).containsExactly(backup.id());
                assertThat(read.history().list(Optional.empty(), 1)).extracting(PastJob::runId, PastJob::backupId)
                        .containsExactly(Tuple.tuple(runId, Optional.of(backup.id())));
            }
        }
    }

    /** The backup a migration into an existing SQLite file took of it. */
    private static Backup sqliteBackup(String runId, Path target) {
        return new Backup(runId + "-beef", Instant.parse("2026-12-01T11:00:01Z"), "migrate json:a.json -> sqlite:" + target,
                "sqlite:" + target, StoreFormat.SQLITE, Backup.Kind.of(StoreProvider.SnapshotKind.SQLITE), 300, Optional.empty());
    }

    @Test
    void theCatalogFileIsItsOwnersOnly() throws Exception {
        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(catalog.file()))).isEqualTo("rw-------");
        }
    }

    @Test
    void savedStoresKeepTheUsersOrderAndNeverAPassword() {
        try (Catalog catalog = Catalog.open(dir)) {
            catalog.savedStores().replace(List.of(StoreLocator.parse("postgresql://admin:s3cret@db.example:5432/sessions"),
                    StoreLocator.parse("json:" + dir.resolve("a.json"))));
            catalog.savedStores().replace(List.of(StoreLocator.parse("json:" + dir.resolve("a.json")),
                    StoreLocator.parse("postgresql://admin:s3cret@db.example:5432/sessions")));
        }
        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(catalog.savedStores().list()).containsExactly("json:" + dir.resolve("a.json"), "postgresql://admin@db.example:5432/sessions");
        }
        assertThat(dir.resolve(Catalog.FILE_NAME)).content().doesNotContain("s3cret");
    }

    @Test
    void theCatalogHasItsOwnFlywayHistoryApartFromTheSessionStores() throws Exception {
        try (Catalog catalog = Catalog.open(dir)) {
            assertThat(catalog.history().list(Optional.empty(), 10)).isEmpty();
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Catalog.FILE_NAME));
             var rows = connection.createStatement().executeQuery("SELECT script FROM flyway_schema_history WHERE success = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("V1__catalog.sql");
        }
    }
}
