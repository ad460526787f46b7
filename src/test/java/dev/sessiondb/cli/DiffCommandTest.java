package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path dir;

    /** A copy of the fixture with one session removed, one added, and a nested pull request put on one. */
    private Path changedCopy() throws Exception {
        ArrayNode records = (ArrayNode) JsonCodec.parse(Files.readString(Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("source")))));
        records.remove(0);
        ObjectNode added = records.addObject().put("session", "zz-new").put("repoName", "local/minsky").put("repoUrl", "/r").put("createdAt", "2025-07-01T00:00:00.000Z");
        added.putObject("github").put("token", "ghp_abcdefghijklmnopqrstuvwxyz123456");
        ObjectNode changed = (ObjectNode) records.get(firstWithRemote(records));
        changed.put("branch", "renamed");
        ((ObjectNode) changed.get("remote")).put("authMethod", "https");
        Path file = dir.resolve("changed.json");
        Files.writeString(file, JsonCodec.pretty(records));
        return file;
    }

    private static int firstWithRemote(JsonNode records) {
        int index = 0;
        while (!records.get(index).has("remote")) {
            index++;
        }
        return index;
    }

    @Test
    void theFixtureAndItsBackupWrapperHoldTheSameSessions() {
        Path array = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path backup = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);

        CliRun run = CliRun.of("diff", array.toString(), backup.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualToIgnoringWhitespace("{\"onlyInA\": [], \"onlyInB\": [], \"changed\": [], \"identical\": 217}");
    }

    @Test
    void differencesAreListedBySessionAndNestedFieldPathAndExitWithOne() throws Exception {
        Path original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path changed = changedCopy();
        JsonNode originalRecords = JsonCodec.parse(Files.readString(original));
        JsonNode changedRecord = originalRecords.get(firstWithRemote(originalRecords));

        CliRun run = CliRun.of("diff", original.toString(), changed.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = JsonCodec.parse(run.out());
        assertThat(result.path("onlyInA")).containsExactly(JsonCodec.parse("\"task#002\""));
        assertThat(result.path("onlyInB")).containsExactly(JsonCodec.parse("\"zz-new\""));
        assertThat(result.path("changed")).hasSize(1);
        assertThat(result.path("changed").get(0).path("session").asText()).isEqualTo(changedRecord.path("session").asText());
        assertThat(result.path("changed").get(0).path("fields").toString()).isEqualTo(
                "[{\"path\":\"remote.authMethod\",\"a\":\"ssh\",\"b\":\"https\"},{\"path\":\"branch\",\"a\":\"" + changedRecord.path("branch").asText() + "\",\"b\":\"renamed\"}]");
        assertThat(result.path("identical").asLong()).isEqualTo(215);
    }

    @Test
    void aFieldSetToNullIsShownAsNullNotAsAbsent() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String record = "{\"session\":\"s\",\"repoName\":\"r\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-07-01T00:00:00.000Z\"";
        Files.writeString(a, "[" + record + "}]");
        Files.writeString(b, "[" + record + ",\"prBranch\":null}]");

        CliRun table = CliRun.of("diff", a.toString(), b.toString());
        CliRun json = CliRun.of("diff", a.toString(), b.toString(), "--format", "json");

        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.out()).contains("prBranch: (absent) -> null");
        assertThat(JsonCodec.parse(json.out()).path("changed").get(0).path("fields").toString())
                .as("the absent side has no key").isEqualTo("[{\"path\":\"prBranch\",\"b\":null}]");
    }

    @Test
    void ignoredFieldsDoNotCountAsChanges() throws Exception {
        Path original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path changed = changedCopy();

        CliRun run = CliRun.of("diff", original.toString(), changed.toString(), "--ignore", "branch", "--ignore", "remote.authMethod", "--format", "json");

        assertThat(JsonCodec.parse(run.out()).path("changed")).isEmpty();
        assertThat(JsonCodec.parse(run.out()).path("identical").asLong()).isEqualTo(216);
    }

    @Test
    void anIgnoredFieldSpelledInAnotherCaseIsPointedOut() throws Exception {
        Path original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path changed = changedCopy();

        CliRun run = CliRun.of("diff", original.toString(), changed.toString(), "--ignore", "BRANCH", "--ignore", "Remote.authMethod", "--ignore", "custom");

        assertThat(run.err()).contains("--ignore BRANCH names no field sessions have; field names are case-sensitive: did you mean branch?")
                .contains("did you mean remote.authMethod?").doesNotContain("--ignore custom");
        assertThat(run.out()).contains("branch:");
    }

    @Test
    void theTableNamesBothStoresAndEveryPart() throws Exception {
        CliRun run = CliRun.of("diff", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), changedCopy().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Only in A (1)", "  task#002", "Only in B (1)", "  zz-new", "Changed (1)",
                "    remote.authMethod: \"ssh\" -> \"https\"", "Identical: 215");
    }

    @Test
    void secretsInDifferingFieldsAreMasked() throws Exception {
        Path original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path changed = changedCopy();
        ArrayNode records = (ArrayNode) JsonCodec.parse(Files.readString(changed));
        ((ObjectNode) records.get(records.size() - 1).get("github")).put("token", "ghp_zyxwvutsrqponmlkjihgfedcba654321");
        Path other = dir.resolve("other.json");
        Files.writeString(other, JsonCodec.pretty(records));

        CliRun run = CliRun.of("diff", changed.toString(), other.toString(), "--format", "json");

        assertThat(run.out()).contains("\"path\": \"github.token\"", "****3456", "****4321").doesNotContain("ghp_");
        assertThat(original).exists();
    }

    @Test
    void aMissingStoreIsBadInputWithOneClearLine() {
        CliRun run = CliRun.of("diff", dir.resolve("nope.json").toString(), Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().contains("nope.json");
    }

    /** A pass over the CLI found diff refusing this pair as if it were a job writing into a store it reads. */
    @Test
    void aStoreInsideAFolderStoreIsComparedWithIt() {
        Path folder = dir.resolve("magellai");
        assertThat(CliRun.of("sample", "jsondir:" + folder, "--count", "3", "--kind", "chat").exitCode()).isZero();
        assertThat(CliRun.of("sample", "sqlite:" + folder.resolve("copy.db"), "--count", "3", "--kind", "chat").exitCode()).isZero();

        CliRun run = CliRun.of("diff", "jsondir:" + folder, folder.resolve("copy.db").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"identical\": 3");
    }

    @Test
    void oneStoreNamedTwiceIsRefusedAsNothingToCompare() {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("diff", store.toString(), "json:" + store);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("are the same store; name two stores to compare").doesNotContain("write");
    }

    /** sqlite:FILE.json beside FILE.json was refused as "the same store", where the mistake is that the file is no SQLite database. */
    @Test
    void aJsonFileNamedAsSqliteBesideItselfIsSaidToBeNoSqliteDatabase() {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("diff", "sqlite:" + store, store.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("sessiondb: sqlite:" + store + ": not a SQLite database (the file does not start with the"
                + " SQLite header); check the path, or use json: if it holds JSON");
    }

    private Path store(String name, String extraFields) throws Exception {
        return Files.writeString(dir.resolve(name), "[{\"session\":\"w\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-05-16T22:16:33.321Z\""
                + extraFields + "}]");
    }

    @Test
    void invisibleCharactersAreShownAsEscapesAndADifferenceOnlyInNormalisationIsSaid() throws Exception {
        Path a = store("wa.json", ",\"z\":\"ab\",\"n\":\"caf\u00e9\",\"nb\":\"a b\"");
        Path b = store("wb.json", ",\"z\":\"a\u200bb\",\"n\":\"cafe\u0301\",\"nb\":\"a\u00a0b\"");

        CliRun table = CliRun.of("diff", a.toString(), b.toString());
        CliRun json = CliRun.of("diff", a.toString(), b.toString(), "--format", "json");

        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.out()).contains("    z: \"ab\" -> \"a\\u200bb\" (differs only in invisible or space-like characters)",
                "    n: \"caf\u00e9\" -> \"cafe\u0301\" (differs only in Unicode normalisation (NFC vs NFD))",
                "    nb: \"a b\" -> \"a\\u00a0b\" (differs only in invisible or space-like characters)");
        JsonNode fields = JsonCodec.parse(json.out()).path("changed").get(0).path("fields");
        assertThat(fields.get(0).path("b").textValue()).isEqualTo("a\u200bb");
        assertThat(fields.get(1).path("note").textValue()).isEqualTo("differs only in Unicode normalisation (NFC vs NFD)");
    }

    @Test
    void aLongValueIsShownByWhereItDiffersWhileJsonKeepsItWhole() throws Exception {
        Path a = store("la.json", ",\"long\":\"" + "x".repeat(100_000) + "\"");
        Path b = store("lb.json", ",\"long\":\"" + "x".repeat(99_999) + "y\"");

        CliRun table = CliRun.of("diff", a.toString(), b.toString());
        CliRun json = CliRun.of("diff", a.toString(), b.toString(), "--format", "json");

        assertThat(table.out()).contains("    long: …" + "x".repeat(20) + "[x -> y] at character 100,000 of 100,000");
        assertThat(table.out().lines().mapToInt(String::length).max().orElseThrow()).isLessThan(200);
        JsonNode field = JsonCodec.parse(json.out()).path("changed").get(0).path("fields").get(0);
        assertThat(field.path("a").textValue()).hasSize(100_000);
        assertThat(field.path("b").textValue()).endsWith("xy").hasSize(100_000);
    }

    /**
     * An empty file named twice, as JSON and as SQLite, got the JSON read's "fix it or restore a backup"; two empty files got B's
     * refusal alone, then A's once B was fixed. Each is one line naming every empty file, with what to do, and nothing compared.
     */
    @Test
    void emptyFilesAreRefusedInOneLineNamingEachOfThem() throws Exception {
        Path empty = Files.createFile(dir.resolve("e.db"));
        Path emptyJson = Files.createFile(dir.resolve("empty.json"));
        Path emptyDb = Files.createFile(dir.resolve("empty.db"));
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun oneFileTwice = CliRun.of("diff", "json:" + empty, "sqlite:" + empty);
        CliRun twoFiles = CliRun.of("diff", "json:" + emptyJson, "sqlite:" + emptyDb);
        CliRun oneEmpty = CliRun.of("diff", fixture.toString(), "json:" + emptyJson);

        for (CliRun refused : new CliRun[] {oneFileTwice, twoFiles, oneEmpty}) {
            assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
            assertThat(refused.out()).isEmpty();
        }
        assertThat(oneFileTwice.err().lines()).containsExactly("sessiondb: json:" + empty + " and sqlite:" + empty
                + " name one file, which is empty (0 bytes), not a store; nothing was compared; name two stores to compare");
        assertThat(twoFiles.err().lines()).containsExactly("sessiondb: json:" + emptyJson + " and sqlite:" + emptyDb
                + ": both files are empty (0 bytes), not stores; nothing was compared; check the paths (a JSON store of no sessions"
                + " holds [], a SQLite one is made by a job writing into it)");
        assertThat(oneEmpty.err().lines()).containsExactly("sessiondb: json:" + emptyJson + ": the file is empty (0 bytes), not a store;"
                + " nothing was compared; check the path (a JSON store of no sessions holds [], a SQLite one is made by a job writing into it)");
        assertThat(List.of(empty, emptyJson, emptyDb)).allSatisfy(file -> assertThat(file).isEmptyFile());
    }

    /**
     * A Minsky file against a native store of chat sessions printed "Only in A (5) ... Only in B (4) ... Changed (0)", correct but
     * no hint to a user who picked the wrong store; it now says first that no session can be the same in both, exit 1 as before.
     */
    @Test
    void storesOfDifferentToolsSaySoFirst() throws Exception {
        String minsky = StoreContents.create("json:" + dir.resolve("minsky.json"), SampleSessions.minskyList(5, 1)).display();
        String chat = StoreContents.create("sqlite:" + dir.resolve("chat.db"),
                LongStream.range(0, 4).mapToObj(SampleSessions::chatRecord).toList()).display();
        String apart = "A holds Minsky's sessions, B a chat server's: no session can be the same in both.";

        CliRun table = CliRun.of("diff", minsky, chat);
        CliRun json = CliRun.of("diff", minsky, chat, "--format", "json");

        assertThat(table.exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(table.out()).startsWith("A: " + minsky + "\nB: " + chat + "\n\n" + apart + "\n\nOnly in A (5)\n");
        assertThat(json.exitCode()).isEqualTo(SessionDbCommand.FOUND);
        JsonNode printed = JsonCodec.parse(json.out());
        assertThat(printed.get("differentKinds").asText()).isEqualTo(apart);
        assertThat(printed.get("onlyInB")).hasSize(4);
    }

    @Test
    void storesOfOneToolSayNothingOfKinds() throws Exception {
        Path array = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path changed = changedCopy();

        CliRun table = CliRun.of("diff", "json:" + array, "json:" + changed);
        CliRun json = CliRun.of("diff", "json:" + array, "json:" + changed, "--format", "json");

        assertThat(table.out()).doesNotContain("no session can be the same");
        assertThat(JsonCodec.parse(json.out()).has("differentKinds")).isFalse();
    }
}
