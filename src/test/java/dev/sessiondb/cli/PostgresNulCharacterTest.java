package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An audit: {@code notes: "before\u0000after"} passed the plan into PostgreSQL, and the run failed with the driver's
 * "invalid byte sequence for encoding "UTF8": 0x00", naming no record or field. PostgreSQL's text and jsonb cannot hold
 * U+0000, so its plan refuses the record, naming the session and the field; JSON files and SQLite keep the character.
 */
class PostgresNulCharacterTest {

    private static final String WITH_NUL = "before\u0000after";

    @TempDir
    Path dir;

    private List<SessionRecord> recordsWithNul() {
        return List.of(SampleSessions.minskyRecord(1, 1).with("notes", TextNode.valueOf(WITH_NUL)),
                SampleSessions.minskyRecord(2, 1).with("branch", TextNode.valueOf(WITH_NUL)),
                SampleSessions.minskyRecord(3, 1));
    }

    private String source() {
        return StoreContents.create("json:" + dir.resolve("nul.json"), recordsWithNul()).display();
    }

    @Test
    void thePlanOfAPostgresStoreRefusesANulNamingTheSessionAndField() {
        String source = source();
        String target = TestPostgres.get().freshSchema().display();
        List<SessionRecord> records = recordsWithNul();

        CliRun plan = CliRun.of("migrate", source, target, "--dry-run", "--backup-dir", dir.resolve("j").toString());
        CliRun run = CliRun.of("migrate", source, target, "--backup-dir", dir.resolve("j").toString());

        String refusal = " holds the character U+0000 (NUL, written \\u0000 in JSON), which PostgreSQL's text and jsonb cannot store;"
                + " remove it from that value in the source";
        assertThat(plan.out()).contains("Would refuse: ", records.get(0).key() + ": 'notes'" + refusal, records.get(1).key() + ": 'branch'" + refusal);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would refuse 2 records", "'notes'" + refusal).doesNotContain("invalid byte sequence");
        assertThat(CliRun.of("ls", target).exitCode()).as("nothing was created").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "sqlite"})
    void aJsonFileOrSqliteKeepsANul(String format) {
        String target = format + ":" + dir.resolve("kept." + (format.equals("json") ? "json" : "db"));

        CliRun run = CliRun.of("migrate", source(), target, "--backup-dir", dir.resolve("j").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<SessionRecord> kept = StoreContents.records(target);
        assertThat(kept).extracting(record -> record.text(SessionField.BRANCH).orElse("")).contains(WITH_NUL);
        assertThat(kept).extracting(record -> record.field("notes").map(JsonNode::textValue).orElse("")).contains(WITH_NUL);
    }
}
