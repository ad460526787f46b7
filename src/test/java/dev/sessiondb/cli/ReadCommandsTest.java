package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandsTest {

    @TempDir
    Path dir;

    @Test
    void lsPrintsEveryFixtureRecordAsMinskyJsonWithUnknownFieldsKept() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        CliRun run = CliRun.of("ls", "json:" + fixture, "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode printed = JsonCodec.parse(run.out());
        assertThat(printed.size()).isEqualTo(Fixtures.MINSKY_COUNT);
        assertThat(printed).isEqualTo(JsonCodec.parse(Files.readString(fixture)));
    }

    @Test
    void lsReadsTheBackupWrapperToo() {
        Path backup = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);
        CliRun run = CliRun.of("ls", backup.toString(), "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().count()).isEqualTo(Fixtures.MINSKY_COUNT + 1);
        assertThat(run.out().lines().findFirst()).contains("session,taskId,repoName,branch,status,createdAt");
    }

    @Test
    void lsSearchesSortsAndLimits() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        CliRun run = CliRun.of("ls", fixture.toString(), "--search", "task#0", "--sort", "createdAt", "--desc", "--limit", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).hasSize(5).first().asString().startsWith("SESSION");
        // task#0 finds what #0 finds (a task id typed qualified): python3 over the fixture's four searched fields counts 65
        assertThat(run.out()).endsWith("sessions 1-3 of 65 matching" + System.lineSeparator());
    }

    /** A page's count line says which sessions it shows of how many, never the page's size as the store's count. */
    @Test
    void lsOfAPageSaysWhichSessionsItShowsOfHowMany() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String sqlite = "sqlite:" + dir.resolve("copy.db");
        assertThat(CliRun.of("migrate", fixture.toString(), sqlite, "--backup-dir", dir.resolve("journal").toString()).exitCode()).isZero();

        assertThat(lastLine("ls", fixture.toString(), "--limit", "2", "--offset", "5")).isEqualTo("sessions 6-7 of 217");
        assertThat(lastLine("ls", fixture.toString(), "--search", "minsky", "--limit", "3")).isEqualTo("sessions 1-3 of 209 matching");
        assertThat(lastLine("ls", fixture.toString(), "--offset", "300")).isEqualTo("no session after the first 300 of 217");
        assertThat(lastLine("ls", sqlite, "--limit", "1", "--offset", "5", "--sort", "createdAt")).isEqualTo("session 6 of 217");
        assertThat(lastLine("ls", sqlite, "--search", "minsky", "--limit", "3"))
                .isEqualTo("sessions 1-3 matching (the rest were not counted; ls without --limit lists them all)");
        assertThat(lastLine("ls", fixture.toString(), "--search", "minsky")).isEqualTo("209 sessions");
    }

    private static String lastLine(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void lsListsATasksSessionsWhateverFormTheirTaskIdsAreWrittenIn() throws Exception {
        List<String> taskIds = List.of("#079", "md#79", "079", "mt#79", "#80", "md#790");
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < taskIds.size(); i++) {
            records.add(SampleSessions.minskyRecord(i, 1).with("taskId", TextNode.valueOf(taskIds.get(i))));
        }
        StoreLocator store = StoreContents.create("sqlite:" + dir.resolve("mixed.db"), records);

        CliRun any = CliRun.of("ls", store.display(), "--task", "79", "--format", "json");
        CliRun qualified = CliRun.of("ls", store.display(), "--task", "md#079", "--sort", "taskId", "--format", "json");
        CliRun notATask = CliRun.of("ls", store.display(), "--task", "seventy-nine");

        assertThat(JsonCodec.parse(any.out()).findValuesAsText("taskId")).containsExactly("#079", "md#79", "079", "mt#79");
        assertThat(JsonCodec.parse(qualified.out()).findValuesAsText("taskId")).containsExactly("#079", "079", "md#79");
        assertThat(notATask.exitCode()).isEqualTo(2);
        assertThat(notATask.err()).contains("--task 'seventy-nine' is not a task id; give its number, as 79, #079 or md#079");
    }

    @Test
    void infoReportsFormatLayoutAndCount() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);
        CliRun run = CliRun.of("info", "json:" + fixture, "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"format\": \"json\"", "\"layout\": \"minsky\"", "\"records\": 217");
    }

    /** The table said "Records: 217" where ls says "217 sessions"; the JSON key stays "records", as scripts read it. */
    @Test
    void infosTableCountsSessionsAsLsDoes() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);

        CliRun run = CliRun.of("info", "json:" + fixture);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Sessions:       217").doesNotContain("Records");
    }

    @Test
    void showFindsASessionByTaskIdInAnotherForm() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        CliRun run = CliRun.of("show", fixture.toString(), "md#11", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"session\": \"task#011\"");
    }

    /** An audit: show printed a zero-width space and a no-break space as they are, so two values that differ there read alike. */
    @Test
    void showPrintsCharactersThatShowAsNothingAsTheirEscapeAndJsonExact() throws Exception {
        Path store = Files.writeString(dir.resolve("unseen.json"),
                "[{\"session\":\"s1\",\"repoName\":\"acme\u200b/app\",\"note\":\"one\u00a0two\\nthree\u200b\"}]");

        CliRun text = CliRun.of("show", "json:" + store, "s1");
        CliRun json = CliRun.of("show", "json:" + store, "s1", "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("repoName:          acme\\u200b/app", "note:              one\\u00a0two\n                   three\\u200b");
        assertThat(JsonCodec.parse(json.out()).path("repoName").asText()).isEqualTo("acme\u200b/app");
    }

    /** An audit: a name typed with its accent decomposed (NFD, as macOS writes it) was not found in a store that keeps it composed. */
    @Test
    void showFindsANameTypedInTheOtherUnicodeNormalisation() throws Exception {
        Path store = Files.writeString(dir.resolve("accents.json"), "[{\"session\":\"caf\u00e9\",\"repoName\":\"a\"},{\"session\":\"nai\u0308ve\",\"repoName\":\"b\"}]");

        CliRun composedStored = CliRun.of("show", "json:" + store, "cafe\u0301", "--format", "json");
        CliRun decomposedStored = CliRun.of("show", "json:" + store, "na\u00efve", "--format", "json");

        assertThat(composedStored.exitCode()).as(composedStored.err()).isZero();
        assertThat(JsonCodec.parse(composedStored.out()).path("repoName").asText()).isEqualTo("a");
        assertThat(decomposedStored.exitCode()).as(decomposedStored.err()).isZero();
        assertThat(JsonCodec.parse(decomposedStored.out()).path("repoName").asText()).isEqualTo("b");
    }

    /** magellai's messages sat in its conversation field as JSON, then again under "Conversation": a long one printed twice. */
    @Test
    void showPrintsAMagellaiSessionsMessagesOnceAsItsConversation() {
        SessionRecord session = SampleSessions.magellaiRecord(1);
        String store = StoreContents.create("jsondir:" + dir.resolve("magellai"), List.of(session)).toString();

        String shown = CliRun.of("show", store, session.key()).out();

        assertThat(shown).contains("\"model\": \"gpt-4o\"", "\"system_prompt\"", "Conversation (3 messages)");
        assertThat(shown.split("message 1 of ", -1)).hasSize(2);
    }

    @Test
    void showNamesEverySessionOfAnAmbiguousTask() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        CliRun run = CliRun.of("show", fixture.toString(), "002");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("task 002 has 2 sessions (task#002, test-session-2)");
    }

    @Test
    void showExplainsAMissingSessionWithExitTwo() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        CliRun run = CliRun.of("show", fixture.toString(), "no-such-session");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb: ").contains("no session 'no-such-session'").doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void corruptJsonIsExitTwoWithLineAndColumnAndTheFileUnchanged() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("session-db.json"), "[\n  {\"session\": \"a\",\n  \"repoName\": ]\n");
        byte[] before = Files.readAllBytes(corrupt);

        CliRun run = CliRun.of("ls", "json:" + corrupt);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("session-db.json").containsPattern("line 3").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.readAllBytes(corrupt)).isEqualTo(before);
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("bad.json"), "[{]");
        for (CliRun run : List.of(CliRun.of("--debug", "ls", "json:" + corrupt), CliRun.of("ls", "--debug", "json:" + corrupt))) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("\tat ");
        }
    }

    @Test
    void theStackTraceDebugAddsMasksATokenTheParsersMessageQuotes() throws Exception {
        String token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        Path corrupt = Files.writeString(dir.resolve("token.json"), "[{\"session\":\"a\",\"token\":" + token + "}]");

        CliRun run = CliRun.of("--debug", "ls", "json:" + corrupt);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\tat ").doesNotContain(token);
    }

    @Test
    void unknownOptionIsExitTwo() {
        assertThat(CliRun.of("ls", "--no-such-option").exitCode()).isEqualTo(2);
    }

    /** A bad-input audit: 'show fx.json' looked for a session named fx.json in the default store and blamed that store's missing file. */
    @Test
    void showGivenOnlyAStoreSaysASessionIsNeeded() throws Exception {
        Path store = Files.writeString(dir.resolve("fx.json"), "[]");

        CliRun shown = CliRun.of("show", store.toString());

        assertThat(shown.exitCode()).isEqualTo(2);
        assertThat(shown.err()).contains("'" + store + "' is a store, and show needs a session too: sessiondb show " + store + " SESSION");
    }

    /** An audit: 'show json:fx.json 037 004' printed 004 from the environment's store, or from no store at all, instead of refusing. */
    @Test
    void showGivenTwoSessionsRefusesAndSaysHowToShowSeveral() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun shown = CliRun.of("show", "json:" + fixture, "037", "004");

        assertThat(shown.exitCode()).isEqualTo(2);
        assertThat(shown.out()).isEmpty();
        assertThat(shown.err()).contains("show takes one session, but was given 3 arguments (json:" + fixture + " 037 004); to show several run show"
                + " once per session, or quote a name with spaces: show STORE 'a b'");
        assertThat(CliRun.of("show", "--help").out()).contains("Usage: sessiondb show [-hV] [--debug] [--format=<format>] [STORE] SESSION"
                + System.lineSeparator()).doesNotContain("SESSION...");
    }

    /** The window's "(empty)" filter on the command line: the fixture's 93 sessions without a task id, in SQLite as in the file. */
    @Test
    void lsWithoutAFieldListsTheSessionsThatHaveNoValueThere() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path sqlite = dir.resolve("f.db");
        assertThat(CliRun.of("migrate", "json:" + fixture, "sqlite:" + sqlite, "--backup-dir", dir.resolve("journal").toString()).exitCode()).isZero();

        CliRun fromFile = CliRun.of("ls", "json:" + fixture, "--without", "taskId", "--format", "json");
        CliRun fromSqlite = CliRun.of("ls", "sqlite:" + sqlite, "--without", "task-id", "--limit", "500", "--format", "json");

        JsonNode listed = JsonCodec.parse(fromFile.out());
        assertThat(listed).hasSize(93).allSatisfy(record -> assertThat(record.path("taskId").asText("")).isEmpty());
        assertThat(JsonCodec.parse(fromSqlite.out()).findValuesAsText("session")).containsExactlyInAnyOrderElementsOf(listed.findValuesAsText("session"));
    }
}
