package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.LoneSurrogates;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Half of a surrogate pair ({@code "\ud83d"} in JSON, a string cut in the middle of an emoji) is
 * kept by the stores, and every output shows it as that escape: JSON that reads back as the same
 * value, and CSV and text as the table shows it. UTF-8 cannot hold it as it is: it was printed as
 * {@code ?}, and the value was lost. A session so named is found by its name as the table shows it.
 */
class LoneSurrogateOutputTest {

    /** The fixture's first session name as the stores hold it, and as the table shows it (and a user types it). */
    private static final String CUT = "cut\ud83d";
    private static final String CUT_AS_SHOWN = "cut\\ud83d";

    @TempDir
    Path dir;

    private Path fixture;

    /**
     * The fixture as a JSON store; as a SQLite or PostgreSQL store, its sessions a SQL key column
     * can keep (the one whose name holds a lone surrogate is refused there, see LoneSurrogateJobsTest).
     */
    private String store(String kind) throws Exception {
        fixture = Fixtures.copy(Fixtures.LONE_SURROGATES, dir);
        if (kind.equals("json")) {
            return "json:" + fixture;
        }
        List<SessionRecord> keyable = keyableRecords().stream().map(record -> SessionRecord.of((ObjectNode) record)).toList();
        String locator = kind.equals("sqlite") ? "sqlite:" + dir.resolve("lone.db") : TestPostgres.get().freshSchema().display();
        return StoreContents.create(locator, keyable).display();
    }

    private List<JsonNode> fixtureRecords() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        JsonCodec.parse(Files.readString(fixture)).forEach(records::add);
        return records;
    }

    private List<JsonNode> keyableRecords() throws Exception {
        return fixtureRecords().stream().filter(record -> !record.path("session").asText().equals(CUT)).toList();
    }

    private static List<JsonNode> listed(String json) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        JsonCodec.parse(json).forEach(records::add);
        return records;
    }

    private static void assertNoHalfPairPrinted(CliRun run) {
        assertThat(LoneSurrogates.first(run.out())).as("a lone surrogate printed as it is, which UTF-8 turns into '?'").isEqualTo(-1);
        assertThat(LoneSurrogates.first(run.err())).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "sqlite", "postgresql"})
    void lsAsJsonWritesEachHalfPairAsItsEscapeAndReadsBackAsStored(String kind) throws Exception {
        String store = store(kind);

        CliRun run = CliRun.of("ls", store, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoHalfPairPrinted(run);
        assertThat(run.out()).contains("\"lastCommitMessage\": \"Ship it \\ud83d\"", "\"body\": \"\\udfff tail\"",
                "\"title\": \"paired \ud83d\ude80 stays\"");
        assertThat(listed(run.out())).containsExactlyInAnyOrderElementsOf(kind.equals("json") ? fixtureRecords() : keyableRecords());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "sqlite", "postgresql"})
    void lsAsCsvAndAsATableShowTheSameEscape(String kind) throws Exception {
        String store = store(kind);

        CliRun csv = CliRun.of("ls", store, "--format", "csv");
        CliRun table = CliRun.of("ls", store);

        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertNoHalfPairPrinted(csv);
        assertThat(csv.out()).contains("task#002,\"#002\",launcher,launch-\\ud83d,,");
        assertThat(table.out()).contains("launch-\\ud83d");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "sqlite", "postgresql"})
    void showAsJsonAndAsTextKeepTheEscape(String kind) throws Exception {
        String store = store(kind);

        CliRun json = CliRun.of("show", store, "task#002", "--format", "json");
        CliRun text = CliRun.of("show", store, "task#002");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertNoHalfPairPrinted(json);
        assertNoHalfPairPrinted(text);
        assertThat(JsonCodec.parse(json.out()).path("lastCommitMessage").asText()).isEqualTo("Ship it \ud83d");
        assertThat(text.out()).contains("lastCommitMessage: Ship it \\ud83d", "branch:            launch-\\ud83d");
    }

    @Test
    void showFindsASessionByItsNameAsTheTableShowsIt() throws Exception {
        String store = store("json");

        CliRun listed = CliRun.of("ls", store);
        CliRun text = CliRun.of("show", store, CUT_AS_SHOWN);
        CliRun json = CliRun.of("show", store, CUT_AS_SHOWN, "--format", "json");
        CliRun exported = CliRun.of("export", store, CUT_AS_SHOWN);

        assertThat(listed.out()).contains(CUT_AS_SHOWN);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("session:           " + CUT_AS_SHOWN, "lastCommitMessage: Add launch button \\ud83d");
        assertThat(JsonCodec.parse(json.out()).path("session").asText()).isEqualTo(CUT);
        assertThat(JsonCodec.parse(exported.out()).path("session").asText()).isEqualTo(CUT);
        assertNoHalfPairPrinted(exported);
    }

    @Test
    void showSaysClearlyThatNoSessionHasTheNameEvenReadWithItsEscapes() throws Exception {
        String store = store("json");

        CliRun run = CliRun.of("show", store, "cut\\ud800");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no session 'cut\\ud800' (looked up as typed, and with each escape such as \\ud83d read as the character it stands for, as ls shows one)");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void diffAndValidateAsJsonNameTheSessionAndItsValuesWithTheirEscapes() throws Exception {
        String store = store("json");
        Path other = Files.writeString(dir.resolve("other.json"), Files.readString(fixture).replace("Add launch button \\ud83d", "Add launch button \\ud800"));

        CliRun diff = CliRun.of("diff", store, "json:" + other, "--format", "json");
        Path withoutUrl = Files.writeString(dir.resolve("without-url.json"),
                Files.readString(fixture).replaceFirst("\"repoUrl\": \"https://example.com/launcher.git\",", ""));
        CliRun validate = CliRun.of("validate", "json:" + withoutUrl, "--format", "json");

        assertNoHalfPairPrinted(diff);
        assertNoHalfPairPrinted(validate);
        JsonNode changed = JsonCodec.parse(diff.out()).path("changed").get(0);
        assertThat(changed.path("session").asText()).isEqualTo(CUT);
        assertThat(changed.path("fields").get(0).path("a").asText()).isEqualTo("Add launch button \ud83d");
        assertThat(changed.path("fields").get(0).path("b").asText()).isEqualTo("Add launch button \ud800");
        assertThat(JsonCodec.parse(validate.out()).findValuesAsText("session")).containsExactly(CUT);
    }
}
