package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A string cut in the middle of an emoji ({@code "\ud83d"}, as JavaScript tools write it) is valid
 * JSON that no UTF-8 text holds as it is: written to SQLite or PostgreSQL it became {@code ?} and
 * the verification passed (a bad-input audit). It is kept as its escape, and a session name that
 * a key column or a file name cannot keep is refused before anything is written.
 */
class LoneSurrogateJobsTest {

    private static final String RECORD_FIELDS = "\"repoName\": \"r\", \"repoUrl\": \"https://example.com/r.git\", \"createdAt\": \"2025-05-16T22:16:33.321Z\"";

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args), Stream.of("--backup-dir", dir.resolve("journal").toString())).toArray(String[]::new));
    }

    private Path json(String name, String... records) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "[\n" + String.join(",\n", records) + "\n]\n");
        return file;
    }

    private Path cutEmoji() throws Exception {
        return json("cut-emoji.json",
                "{\"session\": \"task#002\", " + RECORD_FIELDS + ", \"lastCommitMessage\": \"Add launch button \\ud83d\","
                        + " \"pullRequest\": {\"body\": \"\\udfff tail\", \"title\": \"paired \\ud83d\\ude80 stays\"}}",
                "{\"session\": \"task#003\", " + RECORD_FIELDS + "}");
    }

    @Test
    void aLoneSurrogateSurvivesSqliteAndPostgresAndBackToJson() throws Exception {
        Path source = cutEmoji();
        StoreLocator postgres = TestPostgres.get().freshSchema();

        CliRun toSqlite = cli("migrate", "json:" + source, "sqlite:" + dir.resolve("s.db"));
        CliRun toPostgres = cli("migrate", "sqlite:" + dir.resolve("s.db"), postgres.display());
        CliRun back = cli("migrate", postgres.display(), "json:" + dir.resolve("back.json"));
        CliRun diff = CliRun.of("diff", "json:" + source, "sqlite:" + dir.resolve("s.db"));

        assertThat(toSqlite.exitCode()).as(toSqlite.err()).isZero();
        assertThat(toPostgres.exitCode()).as(toPostgres.err()).isZero();
        assertThat(back.exitCode()).as(back.err()).isZero();
        JsonNode written = JsonCodec.parse(Files.readString(dir.resolve("back.json")));
        JsonNode original = JsonCodec.parse(Files.readString(source));
        assertThat(written).isEqualTo(original);
        assertThat(written.get(0).get("lastCommitMessage").asText()).isEqualTo("Add launch button \ud83d");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("Identical: 2");
    }

    @Test
    void recordsDifferingOnlyInALoneSurrogateAreDifferent() throws Exception {
        Path a = json("a.json", "{\"session\": \"task#002\", " + RECORD_FIELDS + ", \"notes\": \"x\\ud800\"}");
        Path b = json("b.json", "{\"session\": \"task#002\", " + RECORD_FIELDS + ", \"notes\": \"x\\ud801\"}");

        CliRun diff = CliRun.of("diff", "json:" + a, "json:" + b);

        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(1);
        assertThat(diff.out()).contains("Changed (1)");
    }

    @Test
    void aSessionNameWithALoneSurrogateIsRefusedByKeyColumnsAndFileNames() throws Exception {
        Path source = json("keys.json", "{\"session\": \"k\\ud800\", " + RECORD_FIELDS + "}",
                "{\"session\": \"k\\ud801\", " + RECORD_FIELDS + "}", "{\"session\": \"plain\", " + RECORD_FIELDS + "}");

        CliRun toSqlite = cli("migrate", "json:" + source, "sqlite:" + dir.resolve("k.db"));
        CliRun toDirectory = cli("migrate", "json:" + source, "jsondir:" + dir.resolve("k"));
        CliRun toJson = cli("migrate", "json:" + source, "json:" + dir.resolve("k.json"));

        assertThat(toSqlite.exitCode()).isEqualTo(2);
        assertThat(toSqlite.err()).contains("would refuse 2 records",
                "its session name holds an unpaired UTF-16 surrogate (\\ud800), which a SQL text column cannot keep").doesNotContain("--layout native");
        assertThat(dir.resolve("k.db")).doesNotExist();
        assertThat(toDirectory.exitCode()).isEqualTo(2);
        assertThat(toDirectory.err()).contains("which a file name cannot keep");
        assertThat(dir.resolve("k")).doesNotExist();
        assertThat(toJson.exitCode()).as(toJson.err()).isZero();
        assertThat(JsonCodec.parse(Files.readString(dir.resolve("k.json"))).findValuesAsText("session")).containsExactly("k\ud800", "k\ud801", "plain");
    }

    @Test
    void minskysLayoutRefusesAValueItsTextColumnCannotKeep() throws Exception {
        CliRun run = cli("migrate", "json:" + cutEmoji(), "sqlite:" + dir.resolve("m.db") + "?layout=minsky");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("task#002: lastCommitMessage holds an unpaired UTF-16 surrogate (\\ud83d),"
                + " which Minsky's column last_commit_message cannot keep", "(--layout native keeps what Minsky's columns refuse)");
        assertThat(dir.resolve("m.db")).doesNotExist();
    }
}
