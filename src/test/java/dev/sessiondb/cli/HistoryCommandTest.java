package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.faults.TmpfsMount;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job history recorded by real CLI runs, read back by {@code history} and {@code undo --list}. */
class HistoryCommandTest {

    @TempDir
    Path dir;

    private Path fixture;
    private String journal;

    @BeforeEach
    void copyFixture() {
        fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        journal = dir.resolve("journal").toString();
    }

    @Test
    void aMigrateIsRecordedAndHistoryListsItAsJson() throws Exception {
        Path target = dir.resolve("out.db");
        CliRun migrate = CliRun.of("migrate", fixture.toString(), "sqlite:" + target, "--backup-dir", journal);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.err()).doesNotContain("warning");

        CliRun history = CliRun.of("history", "--format", "json", "--backup-dir", journal);

        assertThat(history.exitCode()).as(history.err()).isZero();
        JsonNode jobs = JsonCodec.parse(history.out());
        assertThat(jobs).hasSize(1);
        JsonNode job = jobs.get(0);
        assertThat(job.path("job").asText()).isEqualTo("migrate");
        assertThat(job.path("outcome").asText()).isEqualTo("completed");
        assertThat(job.path("sources").get(0).asText()).isEqualTo("json:" + fixture);
        assertThat(job.path("target").asText()).isEqualTo("sqlite:" + target);
        assertThat(job.path("counts").path("source records").asLong()).isEqualTo(217);
        assertThat(job.path("backupId").asText()).isNotEmpty();
        assertThat(job.path("undone").asBoolean()).isFalse();
        assertThat(Path.of(job.path("report").asText())).exists();
        assertThat(Path.of(journal, Catalog.FILE_NAME)).exists();
    }

    @Test
    void historySaysUndoRemovesATargetTheMigrationMadeAsMigrateSaysIt() throws Exception {
        StoreContents.create("json:" + dir.resolve("existing.json"), SampleSessions.minskyList(3, 1));
        CliRun intoNew = CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("new.db"), "--backup-dir", journal);
        assertThat(intoNew.exitCode()).as(intoNew.err()).isZero();
        assertThat(CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("existing.json"), "--mode", "replace",
                "--backup-dir", journal).exitCode()).isZero();

        CliRun history = CliRun.of("history", "--backup-dir", journal);

        String newTargetBackup = JsonCodec.parse(CliRun.of("history", "--format", "json", "--backup-dir", journal).out())
                .get(1).path("backupId").asText();
        assertThat(intoNew.out()).contains("(the target did not exist: undo with: sessiondb undo " + newTargetBackup + " removes it)");
        assertThat(history.out()).contains("backup " + newTargetBackup
                + " (the target did not exist: undo with: sessiondb undo " + newTargetBackup + " removes it)");
        assertThat(history.out().lines().filter(line -> line.contains("(undo with: sessiondb undo "))).hasSize(1);
    }

    @Test
    void historyFiltersByStoreAndLimits() {
        StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(3, 1));
        assertThat(CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("a.db"), "--backup-dir", journal).exitCode()).isZero();
        assertThat(CliRun.of("migrate", "json:" + dir.resolve("other.json"), "sqlite:" + dir.resolve("b.db"), "--backup-dir", journal).exitCode()).isZero();

        CliRun onlyB = CliRun.of("history", "--store", "sqlite:" + dir.resolve("b.db"), "--backup-dir", journal);
        assertThat(onlyB.out()).contains("other.json").doesNotContain("a.db");

        CliRun newest = CliRun.of("history", "--limit", "1", "--backup-dir", journal);
        assertThat(newest.out()).contains("b.db").doesNotContain("a.db");

        assertThat(CliRun.of("history", "--limit", "0", "--backup-dir", journal).exitCode()).isEqualTo(2);
    }

    @Test
    void undoListShowsTheJobTheStoreAndWhetherItWasUndone() throws Exception {
        StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(3, 1));
        assertThat(CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("other.json"), "--mode", "replace",
                "--backup-dir", journal).exitCode()).isZero();
        assertThat(CliRun.of("undo", "--backup-dir", journal).exitCode()).isZero();

        CliRun list = CliRun.of("undo", "--list", "--format", "json", "--backup-dir", journal);

        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode backups = JsonCodec.parse(list.out());
        assertThat(backups).hasSize(2);
        assertThat(backups.get(0).path("job").asText()).isEqualTo("undo");
        assertThat(backups.get(0).path("undone").asBoolean()).isFalse();
        assertThat(backups.get(1).path("job").asText()).isEqualTo("migrate");
        assertThat(backups.get(1).path("locator").asText()).isEqualTo("json:" + dir.resolve("other.json"));
        assertThat(backups.get(1).path("undone").asBoolean()).isTrue();

        CliRun history = CliRun.of("history", "--format", "json", "--backup-dir", journal);
        JsonNode jobs = JsonCodec.parse(history.out());
        assertThat(jobs).extracting(job -> job.path("job").asText()).containsExactly("undo", "migrate");
        assertThat(jobs.get(1).path("undone").asBoolean()).isTrue();

        CliRun table = CliRun.of("undo", "--list", "--backup-dir", journal);
        assertThat(table.out()).contains("migrate", "undone", "json:" + dir.resolve("other.json"));
    }

    @Test
    void aCorruptCatalogNeverStopsAJobAndWarnsOnceNamingItAndWhatToDo() throws Exception {
        Path catalog = Files.createDirectories(Path.of(journal)).resolve(Catalog.FILE_NAME);
        Files.writeString(catalog, "this is not a SQLite database, it was damaged");
        StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(3, 1));

        CliRun migrate = CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("other.json"), "--mode", "replace",
                "--backup-dir", journal);

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(StoreContents.records("json:" + dir.resolve("other.json"))).hasSize(217);
        assertThat(migrate.err().lines().filter(line -> line.contains("warning"))).singleElement().asString()
                .contains("job history was not recorded: the catalog " + catalog + " is not a SQLite database", "move it aside");
        CliRun list = CliRun.of("undo", "--list", "--backup-dir", journal);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("migrate json:" + fixture);
        assertThat(list.err()).contains("warning: the catalog " + catalog + " is not a SQLite database");
        CliRun history = CliRun.of("history", "--backup-dir", journal);
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("the catalog " + catalog + " is not a SQLite database", "move it aside");
    }

    @Test
    void aCatalogCutShortIsToldAsNotADatabase() throws Exception {
        assertThat(CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("a.db"), "--backup-dir", journal).exitCode()).isZero();
        Path catalog = Path.of(journal, Catalog.FILE_NAME);
        byte[] whole = Files.readAllBytes(catalog);
        Files.write(catalog, Arrays.copyOf(whole, 5000));

        CliRun history = CliRun.of("history", "--backup-dir", journal);

        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("the catalog " + catalog + " is not a SQLite database", "move it aside");
    }

    @Test
    void aFolderWhereTheCatalogShouldBeIsNamedByEveryCatalogCommand() throws Exception {
        Path catalog = Files.createDirectories(Path.of(journal, Catalog.FILE_NAME));

        CliRun migrate = CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("a.db"), "--backup-dir", journal);
        CliRun list = CliRun.of("undo", "--list", "--backup-dir", journal);
        CliRun history = CliRun.of("history", "--backup-dir", journal);

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        String folder = "the catalog " + catalog + " is a folder, not a SQLite database; move or rename that folder";
        assertThat(migrate.err()).contains("job history was not recorded: " + folder);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("migrate json:" + fixture);
        assertThat(list.err()).contains("warning: " + folder);
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains(folder);
    }

    /** A pass over the CLI found a misspelt or wrong --backup-dir answered "No jobs recorded." and "no backup left to restore". */
    @Test
    void aBackupDirThatIsAFileIsRefusedAndOneThatIsNotThereIsNamed() throws Exception {
        String file = fixture.toString();
        String missing = dir.resolve("jurnal").toString();

        for (String[] reading : new String[][] {{"history"}, {"undo"}, {"undo", "--list"}}) {
            String[] args = Arrays.copyOf(reading, reading.length + 2);
            args[reading.length] = "--backup-dir";
            args[reading.length + 1] = file;
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode()).as(String.join(" ", reading)).isEqualTo(2);
            assertThat(run.err().lines()).as(String.join(" ", reading)).containsExactly("sessiondb: --backup-dir " + file + " is a file, not the folder"
                    + " of backups and job history; name the folder the jobs were given with --backup-dir, or leave it out for the default");
        }
        CliRun history = CliRun.of("history", "--backup-dir", missing);
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).isEqualTo("No jobs recorded in " + missing + " (the folder does not exist).%n".formatted());
        assertThat(dir.resolve("jurnal")).doesNotExist();
    }

    /** undo and undo --list said "no backup '1' in DIR" and "No backups." of a --backup-dir not there, where history says it does not exist. */
    @Test
    void undoAndUndoListSayABackupDirThatIsNotThereDoesNotExist() {
        String missing = dir.resolve("jurnal").toString();
        String advice = "; name the folder the jobs were given with --backup-dir, or leave it out for the default";

        CliRun named = CliRun.of("undo", "--backup-dir", missing, "1");
        CliRun newest = CliRun.of("undo", "--backup-dir", missing);
        CliRun list = CliRun.of("undo", "--list", "--backup-dir", missing);

        assertThat(named.err().lines()).containsExactly("sessiondb: no backup '1' in " + missing + " (the folder does not exist)" + advice);
        assertThat(newest.err().lines()).containsExactly("sessiondb: no backup left to restore in " + missing + " (the folder does not exist)" + advice);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("No backups in " + missing + " (the folder does not exist).%n".formatted());
        assertThat(dir.resolve("jurnal")).doesNotExist();
    }

    @Test
    void aCatalogLockedByAnotherProgramWarnsOnceAndItsBackupIsIndexedLater() throws Exception {
        assertThat(CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("a.db"), "--backup-dir", journal).exitCode()).isZero();
        Path catalog = Path.of(journal, Catalog.FILE_NAME);
        CliRun migrate;
        CliRun history;
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + catalog); Statement statement = holder.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            migrate = CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("b.db"), "--backup-dir", journal);
            history = CliRun.of("history", "--backup-dir", journal);
            statement.execute("ROLLBACK");
        }

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.err().lines().filter(line -> line.contains("warning"))).singleElement().asString()
                .contains("the catalog " + catalog + " is locked by another process");
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("the catalog " + catalog + " is locked by another process");
        CliRun list = CliRun.of("undo", "--list", "--format", "json", "--backup-dir", journal);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(JsonCodec.parse(list.out()).findValuesAsText("locator")).contains("sqlite:" + dir.resolve("b.db"), "sqlite:" + dir.resolve("a.db"));
    }

    /**
     * An audit: a catalog on a read-only file system made {@code history} fail (exit 2) though reading needs no write; it is
     * read as last recorded, each reader says once that jobs cannot be recorded there, and a job still refuses the folder.
     */
    @Test
    void aReadOnlyCatalogIsReadAndSaysOnceThatJobsCannotBeRecordedThere() throws Exception {
        try (TmpfsMount mount = TmpfsMount.of(dir.resolve("mounted"), 8192)) {
            String readOnlyJournal = mount.folder().resolve("journal").toString();
            CliRun migrate = CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("a.db"), "--backup-dir", readOnlyJournal);
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            String backupId = JsonCodec.parse(CliRun.of("history", "--format", "json", "--backup-dir", readOnlyJournal).out()).get(0).path("backupId").asText();
            mount.readOnly();
            Path catalog = Path.of(readOnlyJournal, Catalog.FILE_NAME);
            String notice = "the catalog " + catalog + " cannot be written";

            CliRun history = CliRun.of("history", "--backup-dir", readOnlyJournal);
            CliRun historyJson = CliRun.of("history", "--format", "json", "--backup-dir", readOnlyJournal);
            CliRun list = CliRun.of("undo", "--list", "--backup-dir", readOnlyJournal);
            CliRun again = CliRun.of("migrate", fixture.toString(), "sqlite:" + dir.resolve("b.db"), "--backup-dir", readOnlyJournal);

            assertThat(history.exitCode()).as(history.err()).isZero();
            assertThat(history.out()).contains("migrate json:" + fixture, backupId);
            assertThat(history.err().lines()).singleElement().asString().contains("warning: " + notice, "jobs cannot be recorded there");
            assertThat(historyJson.exitCode()).as(historyJson.err()).isZero();
            assertThat(JsonCodec.parse(historyJson.out()).get(0).path("backupId").asText()).isEqualTo(backupId);
            assertThat(historyJson.err().lines()).hasSize(1);
            JsonNode warning = JsonCodec.parse(historyJson.err().strip());
            assertThat(warning.path("warning").asText()).contains(notice, "jobs cannot be recorded there");
            assertThat(warning.path("command").asText()).isEqualTo("history");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains(backupId);
            assertThat(list.err().lines()).singleElement().asString().contains(notice).doesNotContain("listing the backup folders instead");
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.err()).contains("read-only file system");
            assertThat(dir.resolve("b.db")).doesNotExist();
            mount.writable();
        }
    }
}
