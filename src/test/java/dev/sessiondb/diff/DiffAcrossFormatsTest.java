package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sessions in JSON, SQLite and PostgreSQL compare equal; a few real edits show up field by field. */
class DiffAcrossFormatsTest {

    private static final String EXPECTED = "{\"onlyInA\":[\"task#002\"],\"onlyInB\":[\"zz-new\"],\"changed\":[{\"session\":\"task#001\",\"fields\":["
            + "{\"path\":\"pullRequest.state\",\"a\":\"open\",\"b\":\"merged\"},"
            + "{\"path\":\"pullRequest.commits[1]\",\"a\":\"b2\",\"b\":\"c3\"},"
            + "{\"path\":\"pullRequest.commits[2]\",\"b\":\"d4\"}]}],\"identical\":215}";

    @TempDir
    Path dir;

    /** The fixture with a pull request on task#001. */
    private static List<SessionRecord> original() throws Exception {
        List<SessionRecord> records = new ArrayList<>(Fixtures.minskyRecords());
        int index = indexOf(records, "task#001");
        records.set(index, records.get(index).with("pullRequest", JsonCodec.parse("{\"number\":12,\"state\":\"open\",\"commits\":[\"a1\",\"b2\"]}")));
        return records;
    }

    /** The original with task#002 gone, zz-new added, and task#001's pull request merged with other commits. */
    private static List<SessionRecord> edited() throws Exception {
        List<SessionRecord> records = original();
        records.remove(indexOf(records, "task#002"));
        int index = indexOf(records, "task#001");
        records.set(index, records.get(index).with("pullRequest", JsonCodec.parse("{\"number\":12,\"state\":\"merged\",\"commits\":[\"a1\",\"c3\",\"d4\"]}")));
        records.add(SessionRecord.of((ObjectNode) JsonCodec.parse(
                "{\"session\":\"zz-new\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-07-01T00:00:00.000Z\"}")));
        return records;
    }

    private static int indexOf(List<SessionRecord> records, String key) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static String fill(StoreLocator locator, List<SessionRecord> records) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return text(locator);
    }

    /** The locator as the command line takes it (test servers have no password to hide). */
    private static String text(StoreLocator locator) {
        StringBuilder text = new StringBuilder(locator.format() == StoreFormat.POSTGRESQL ? locator.target()
                : locator.format().scheme() + ":" + locator.target());
        char separator = '?';
        for (Map.Entry<String, String> param : new TreeMap<>(locator.params()).entrySet()) {
            text.append(separator).append(param.getKey()).append('=').append(param.getValue());
            separator = '&';
        }
        return text.toString();
    }

    private String jsonStore(String name, List<SessionRecord> records) {
        return fill(StoreLocator.parse("json:" + dir.resolve(name)), records);
    }

    private static String compactOutput(CliRun run) throws Exception {
        return JsonCodec.compact(JsonCodec.parse(run.out()));
    }

    @Test
    void jsonAgainstSqliteShowsOnlyTheRealEditsDownNestedPaths() throws Exception {
        String json = jsonStore("a.json", original());
        String sqlite = fill(StoreLocator.parse("sqlite:" + dir.resolve("b.db")), edited());

        CliRun run = CliRun.of("diff", json, sqlite, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(compactOutput(run)).isEqualTo(EXPECTED);
    }

    @Test
    void theSameSessionsInJsonAndSqliteAreIdentical() throws Exception {
        CliRun run = CliRun.of("diff", jsonStore("a.json", original()), fill(StoreLocator.parse("sqlite:" + dir.resolve("b.db")), original()), "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(compactOutput(run)).isEqualTo("{\"onlyInA\":[],\"onlyInB\":[],\"changed\":[],\"identical\":217}");
    }

    @Test
    void ignoringTheNestedObjectLeavesOnlyTheAddedAndRemovedSessions() throws Exception {
        String json = jsonStore("a.json", original());
        String sqlite = fill(StoreLocator.parse("sqlite:" + dir.resolve("b.db")), edited());

        CliRun run = CliRun.of("diff", json, sqlite, "--ignore", "pullRequest.state", "--ignore", "pullRequest.commits", "--format", "json");

        assertThat(compactOutput(run)).isEqualTo("{\"onlyInA\":[\"task#002\"],\"onlyInB\":[\"zz-new\"],\"changed\":[],\"identical\":216}");
    }

    @Test
    void postgresqlAgainstJsonAndSqliteGivesTheSameAnswer() throws Exception {
        String postgres = fill(TestPostgres.get().freshSchema(), edited());

        assertThat(compactOutput(CliRun.of("diff", jsonStore("a.json", original()), postgres, "--format", "json"))).isEqualTo(EXPECTED);
        assertThat(compactOutput(CliRun.of("diff", fill(StoreLocator.parse("sqlite:" + dir.resolve("a.db")), original()), postgres, "--format", "json")))
                .isEqualTo(EXPECTED);
    }

    @Test
    void minskysSqliteLayoutShowsTheFieldsItCannotHold() throws Exception {
        String minskySqlite = fill(StoreLocator.parse("sqlite:" + dir.resolve("minsky.db") + "?layout=minsky"), Fixtures.minskyRecords());

        CliRun run = CliRun.of("diff", jsonStore("a.json", Fixtures.minskyRecords()), minskySqlite, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JsonCodec.parse(run.out()).path("changed")).hasSize(66).allSatisfy(change ->
                assertThat(change.path("fields").toString()).isEqualTo("[{\"path\":\"remote\",\"a\":{\"authMethod\":\"ssh\",\"depth\":1}}]"));
    }

    /** Java's String order puts U+1F600 (two UTF-16 units from U+D83D) before U+E000; SQL stores hand keys over in code point order. */
    @Test
    void keysOutsideTheBasicPlaneMeetTheirSqlCounterpartsInTheMerge() throws Exception {
        List<SessionRecord> records = new ArrayList<>();
        for (String key : List.of("a\uE000", "a\uD83D\uDE00", "a\uFFFD", "b", "a")) {
            records.add(SessionRecord.of((ObjectNode) JsonCodec.parse("{\"session\":\"" + key + "\",\"repoName\":\"local/minsky\"}")));
        }
        String json = jsonStore("a.json", records);
        String expected = "{\"onlyInA\":[],\"onlyInB\":[],\"changed\":[],\"identical\":5}";

        assertThat(compactOutput(CliRun.of("diff", json, fill(StoreLocator.parse("sqlite:" + dir.resolve("b.db")), records), "--format", "json")))
                .isEqualTo(expected);
        assertThat(compactOutput(CliRun.of("diff", fill(TestPostgres.get().freshSchema(), records), json, "--format", "json")))
                .isEqualTo(expected);
    }
}
