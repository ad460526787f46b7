package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.sessions.SessionExport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static final String CONVERSATION = "7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37";

    @TempDir
    Path dir;

    private Path magellai() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("magellai"));
        for (String file : new String[] {CONVERSATION + ".json", "20250601-quick-question.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/magellai/" + file)) {
                Files.copy(in, copy.resolve(file));
            }
        }
        return copy;
    }

    @Test
    void aSessionExportsAsItsWholeRecordInJson() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("export", "json:" + fixture, "task#011", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonCodec.parse(run.out()).path("session").asText()).isEqualTo("task#011");
    }

    @Test
    void aChatSessionsTranscriptSaysWhoseSessionItIs() {
        String chat = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat",
                List.of(SampleSessions.chatRecord(4), SampleSessions.chatRecord(5))).toString();

        assertThat(CliRun.of("export", chat, "chat-000004", "--format", "markdown").out()).contains("- **Tenant:** tenant-1\n- **User:** user-4\n");
        assertThat(CliRun.of("export", chat, "chat-000005", "--format", "markdown").out()).contains("- **Tenant:** tenant-2\n").doesNotContain("User:");
    }

    @Test
    void aSessionIsFoundByItsTaskIdInAnyFormAsShowFindsIt() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        for (String wanted : new String[] {"#079", "079", "md#079"}) {
            CliRun run = CliRun.of("export", "json:" + fixture, wanted);

            assertThat(run.exitCode()).as(wanted).isZero();
            assertThat(JsonCodec.parse(run.out()).path("session").asText()).as(wanted).isEqualTo("task#079");
        }
    }

    @Test
    void aConversationExportsAsAMarkdownTranscriptToAFile() throws Exception {
        Path transcript = dir.resolve("out/transcript.md");
        Files.createDirectories(transcript.getParent());

        CliRun run = CliRun.of("export", "jsondir:" + magellai(), CONVERSATION, "--format", "markdown", "--output", transcript.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("(secrets masked)");
        String markdown = Files.readString(transcript);
        assertThat(markdown).startsWith("# ").contains("## User", "## Assistant", "- **Session:** " + CONVERSATION);
    }

    @Test
    void aSessionWithoutConversationOrAnUnknownSessionIsAOneLineError() throws Exception {
        Path store = magellai();

        CliRun empty = CliRun.of("export", "jsondir:" + store, "20250601-quick-question", "--format", "markdown");
        CliRun missing = CliRun.of("export", "jsondir:" + store, "no-such-session");
        CliRun badFormat = CliRun.of("export", "jsondir:" + store, CONVERSATION, "--format", "pdf");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("has no conversation to write as a transcript; export it as JSON instead (--format json)").doesNotContain("\tat ");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no session 'no-such-session'");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        // worded as every other command's refused --format
        assertThat(badFormat.err()).contains("option '--format' takes one of json, markdown, not 'pdf'");
    }

    @Test
    void anExportOntoTheStoreItReadsIsRefusedAndTheStoreSurvivesByteForByte() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] before = Files.readAllBytes(store);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), store);

        for (String output : new String[] {store.toString(), link.toString(), dir.resolve("./x/../" + store.getFileName()).toString()}) {
            CliRun run = CliRun.of("export", store.toString(), "task#079", "--output", output, "--force");

            assertThat(run.exitCode()).as(output).isEqualTo(2);
            assertThat(run.err()).as(output).contains(output + " is the store being exported from",
                    "an export never writes over a session store; nothing was written; choose another file");
        }
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(CliRun.of("info", store.toString()).exitCode()).isZero();
    }

    @Test
    void anExportOverAnotherSessionStoreIsRefusedEvenWithForce() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("source")));
        Path sqlite = dir.resolve("s.db");
        assertThat(CliRun.of("migrate", source.toString(), "sqlite:" + sqlite, "--backup-dir", dir.resolve("backups").toString()).exitCode()).isZero();
        Path json = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] sqliteBefore = Files.readAllBytes(sqlite);
        byte[] jsonBefore = Files.readAllBytes(json);

        CliRun ontoItself = CliRun.of("export", sqlite.toString(), "task#079", "--output", sqlite.toString());
        CliRun ontoSqlite = CliRun.of("export", source.toString(), "task#079", "--output", sqlite.toString(), "--force");
        CliRun ontoJson = CliRun.of("export", "sqlite:" + sqlite, "task#079", "--output", json.toString(), "--force");
        CliRun ontoItsLog = CliRun.of("export", sqlite.toString(), "task#079", "--output", sqlite + "-wal", "--force");

        assertThat(ontoItself.err()).contains(sqlite + " is the store being exported from");
        assertThat(ontoSqlite.err()).contains(sqlite + " is a session store (SQLITE); an export never writes over a session store");
        assertThat(ontoJson.err()).contains(json + " is a session store (JSON); an export never writes over a session store");
        assertThat(ontoItsLog.err()).contains(sqlite + "-wal belongs to the store " + sqlite + ", which keeps its latest changes there; an export never writes over");
        assertThat(List.of(ontoItself.exitCode(), ontoSqlite.exitCode(), ontoJson.exitCode(), ontoItsLog.exitCode())).containsOnly(2);
        assertThat(Path.of(sqlite + "-wal")).doesNotExist();
        assertThat(Files.readAllBytes(sqlite)).isEqualTo(sqliteBefore);
        assertThat(Files.readAllBytes(json)).isEqualTo(jsonBefore);
    }

    /** An audit: the refusal named the file twice and said to make the folder writable. */
    @Test
    void anExportOntoAReadOnlyFileIsRefusedEvenWithForceSayingHowToAllowIt() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path kept = Files.writeString(dir.resolve("kept.txt"), "mine");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("r--r--r--"));

        CliRun run = CliRun.of("export", "json:" + fixture, "task#079", "--output", kept.toString(), "--force");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(kept + " is read-only (its owner may not write it); nothing was written; make it writable (chmod u+w " + kept + ")")
                .doesNotContain("check the folder");
        assertThat(Files.readString(kept)).isEqualTo("mine");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path notes = Files.writeString(dir.resolve("notes.json"), "{\"mine\": true}");

        CliRun refused = CliRun.of("export", store.toString(), "task#079", "--output", notes.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(notes + " exists already; nothing was written; add --force to replace it, or choose another file");
        assertThat(Files.readString(notes)).isEqualTo("{\"mine\": true}");

        CliRun forced = CliRun.of("export", store.toString(), "task#079", "--output", notes.toString(), "--force");

        assertThat(forced.exitCode()).isZero();
        assertThat(JsonCodec.parse(Files.readString(notes)).path("session").asText()).isEqualTo("task#079");
        // the earlier export reads as no store, so exporting again over it needs only --force
        assertThat(CliRun.of("export", store.toString(), "task#011", "--output", notes.toString(), "--force").exitCode()).isZero();
    }

    @Test
    void anExportIntoTheFolderStoreItReadsIsRefused() throws Exception {
        Path folder = magellai();

        CliRun run = CliRun.of("export", "jsondir:" + folder, CONVERSATION, "--output", folder.resolve("copy.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(folder.resolve("copy.json") + " is inside the folder store jsondir:" + folder,
                "choose a file outside the folder store jsondir:" + folder);
        assertThat(folder.resolve("copy.json")).doesNotExist();
    }

    @Test
    void anExportIntoAnotherFolderStoreIsRefusedNamingIt() throws Exception {
        Path folderStore = dir.resolve("kept");
        // a folder store sessiondb built (a migration's copy), as it keeps it: its lock file is there
        assertThat(CliRun.of("migrate", "jsondir:" + magellai(), "jsondir:" + folderStore, "--backup-dir", dir.resolve("backups").toString())
                .exitCode()).isZero();
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Map<String, String> before = listing(folderStore);

        for (Path output : new Path[] {folderStore.resolve("task.json"), folderStore.resolve("sub/task.md")}) {
            CliRun run = CliRun.of("export", source.toString(), "task#079", "--output", output.toString(), "--force");

            assertThat(run.exitCode()).as(output.toString()).isEqualTo(2);
            assertThat(run.err()).as(output.toString()).contains(output + " is inside the folder store jsondir:" + folderStore,
                    "nothing was written; choose a file outside the folder store jsondir:" + folderStore);
        }
        assertThat(listing(folderStore)).isEqualTo(before);
    }

    @Test
    void anExportIntoAFolderStoreTheAppKeepsIsRefusedThoughNoMarkOfSessiondbIsInIt() throws Exception {
        Path folder = magellai();
        String backups = dir.resolve("backups").toString();
        // a job read it: the history names it, while reading left nothing in the folder
        assertThat(CliRun.of("migrate", "jsondir:" + folder, "sqlite:" + dir.resolve("s.db"), "--backup-dir", backups).exitCode()).isZero();
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun kept = CliRun.of("export", source.toString(), "task#079", "--output", folder.resolve("task.json").toString(), "--backup-dir", backups);
        CliRun elsewhere = CliRun.of("export", source.toString(), "task#079", "--output", folder.resolve("task.json").toString(),
                "--backup-dir", dir.resolve("other-backups").toString());

        assertThat(kept.exitCode()).isEqualTo(2);
        assertThat(kept.err()).contains(folder.resolve("task.json") + " is inside the folder store jsondir:" + folder,
                "choose a file outside the folder store jsondir:" + folder);
        assertThat(elsewhere.exitCode()).as("a catalog that does not know the folder: a folder of JSON files like any other").isZero();
    }

    @Test
    void sessionsExportOneByOneIntoAnOrdinaryFolderHoldingOtherFiles() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.writeString(folder.resolve("settings.json"), "{\"theme\": \"dark\"}");

        for (String session : new String[] {"task#079", "task#011"}) {
            CliRun run = CliRun.of("export", store.toString(), session, "--output", folder.resolve(session.replace('#', '_') + ".json").toString());

            assertThat(run.exitCode()).as(session).isZero();
        }
        assertThat(JsonCodec.parse(Files.readString(folder.resolve("task_011.json"))).path("session").asText()).isEqualTo("task#011");
        assertThat(Files.readString(folder.resolve("notes.txt"))).isEqualTo("mine");
    }

    /** The window's export of the sessions a search shows: a JSON array of records, which reads as a JSON store. */
    private Path windowExport(Path source, String search, Path file) throws Exception {
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("json:" + source), OpenMode.EXISTING)) {
            SessionExport.write(store, SessionQuery.all().withSearch(search), SessionExport.Format.JSON, file,
                    new BackupJournal(dir.resolve("backups")), ProgressMonitor.NONE);
        }
        return file;
    }

    @Test
    void anEarlierExportIsReplacedWithForceAfterABackupThatUndoPutsBack() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("source")));
        Path earlier = windowExport(source, "task#07", dir.resolve("sessions.json"));
        byte[] earlierBytes = Files.readAllBytes(earlier);
        String backups = dir.resolve("backups").toString();

        CliRun refused = CliRun.of("export", source.toString(), "task#011", "--output", earlier.toString(), "--backup-dir", backups);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(earlier + " looks like an earlier export (it reads as a JSON session store that SessionDB Admin does not keep);"
                + " nothing was written; add --force to replace it after a backup of it");
        assertThat(Files.readAllBytes(earlier)).isEqualTo(earlierBytes);

        CliRun forced = CliRun.of("export", source.toString(), "task#011", "--output", earlier.toString(), "--backup-dir", backups, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(JsonCodec.parse(Files.readString(earlier)).path("session").asText()).isEqualTo("task#011");
        BackupJournal journal = new BackupJournal(dir.resolve("backups"));
        Backup backup = journal.list().get(0);
        assertThat(backup.locator()).isEqualTo("json:" + earlier.toAbsolutePath());
        assertThat(forced.err()).contains("the earlier export there was backed up first as " + backup.id(), journal.snapshotOf(backup).toString());
        assertThat(Files.readAllBytes(journal.snapshotOf(backup))).as("the copy the backup keeps").isEqualTo(earlierBytes);
        assertThat(CliRun.of("history", "--backup-dir", backups).out()).contains("export from json:" + source, "over the earlier export " + earlier);
    }

    @Test
    void theWindowsExportOverItsEarlierExportIsBackedUpAndUndoRestoresIt() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("source")));
        Path earlier = windowExport(source, "task#07", dir.resolve("sessions.json"));
        byte[] earlierBytes = Files.readAllBytes(earlier);

        windowExport(source, "task#011", earlier);

        assertThat(JsonCodec.parse(Files.readString(earlier)).get(0).path("session").asText()).isEqualTo("task#011");
        Backup backup = new BackupJournal(dir.resolve("backups")).list().get(0);
        CliRun undo = CliRun.of("undo", backup.id(), "--backup-dir", dir.resolve("backups").toString());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(earlier)).isEqualTo(earlierBytes);
    }

    @Test
    void withForceTheSourceAStoreTheAppKeepsAndASqliteStoreAreStillRefused() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("source")));
        String backups = dir.resolve("backups").toString();
        // an export of the whole store reads exactly as the store does, but it is the store read
        Path wholeExport = windowExport(source, "", dir.resolve("all.json"));
        Path kept = windowExport(source, "task#07", dir.resolve("kept.json"));
        Path sqlite = dir.resolve("s.db");
        // a job's target is a store the app keeps, whatever it looks like
        assertThat(CliRun.of("migrate", kept.toString(), "sqlite:" + sqlite, "--backup-dir", backups).exitCode()).isZero();
        byte[] keptBytes = Files.readAllBytes(kept);

        CliRun ontoSource = CliRun.of("export", "json:" + wholeExport, "task#079", "--output", wholeExport.toString(), "--backup-dir", backups, "--force");
        CliRun ontoKept = CliRun.of("export", source.toString(), "task#079", "--output", kept.toString(), "--backup-dir", backups, "--force");
        CliRun ontoSqlite = CliRun.of("export", source.toString(), "task#079", "--output", sqlite.toString(), "--backup-dir", backups, "--force");

        assertThat(ontoSource.err()).contains(wholeExport + " is the store being exported from");
        assertThat(ontoKept.err()).contains(kept + " is a session store (JSON) that SessionDB Admin keeps (saved in its list, or read or written by a job);"
                + " an export never writes over a session store; nothing was written");
        assertThat(ontoSqlite.err()).contains(sqlite + " is a session store (SQLITE); an export never writes over a session store");
        assertThat(List.of(ontoSource.exitCode(), ontoKept.exitCode(), ontoSqlite.exitCode())).containsOnly(2);
        assertThat(Files.readAllBytes(kept)).isEqualTo(keptBytes);
        assertThat(new BackupJournal(dir.resolve("backups")).list()).noneMatch(backup -> backup.locator().contains("kept.json")
                && backup.reason().contains("export"));
    }

    /** Every file under a folder with its content. */
    private static Map<String, String> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file).toString(), Files.readString(file));
            }
            return contents;
        }
    }

    @Test
    void helpNamesForce() {
        assertThat(CliRun.of("export", "--help").out()).contains("--force             Replace the --output file when it exists already", "only with --force");
    }
}
