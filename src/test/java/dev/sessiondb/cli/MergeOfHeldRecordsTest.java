package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An audit found {@code migrate --mode merge} into a target holding the same records reported "records written: 217"
 * and took a backup, though nothing changed: such a merge now writes nothing, and one that does write says how many
 * of the records it wrote were unchanged.
 */
class MergeOfHeldRecordsTest {

    @TempDir
    Path dir;

    @Test
    void aMergeOfRecordsTheTargetHoldsAsTheyAreWritesNothingAndTakesNoBackup() throws Exception {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path target = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("target")));
        byte[] before = Files.readAllBytes(target);
        String journal = dir.resolve("journal").toString();

        CliRun merge = CliRun.of("migrate", source, "json:" + target, "--mode", "merge", "--backup-dir", journal);

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("records the target holds already:  217", "records verified:                  217",
                "the target already holds every one of these records as it is; nothing was written").doesNotContain("records written", "backup:");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(dir.resolve("journal").resolve("backups")).doesNotExist();
    }

    @Test
    void aMergeThatChangesOneRecordOfAJsonFileSaysItRewroteTheOthersUnchanged() throws Exception {
        Path target = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("target")));

        CliRun merge = CliRun.of("migrate", "json:" + sourceWithOneRecordEdited(), "json:" + target, "--mode", "merge", "--backup-dir",
                dir.resolve("journal").toString());

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("records replacing a different one: 1", "records written:                   217",
                "written records unchanged:         216", "backup:");
    }

    /** An audit found such a merge into SQLite rewrote every row, the 216 unchanged ones too: a 100k-row target took seconds for a few changes. */
    @ParameterizedTest
    @ValueSource(strings = {"native", "minsky"})
    void aMergeThatChangesOneRecordOfASqliteStoreWritesThatRowAloneAndVerifiesEveryRecord(String layout) throws Exception {
        Path source = sourceWithOneRecordEdited();
        Path target = dir.resolve("target.db");
        String journal = dir.resolve("journal").toString();
        CliRun made = CliRun.of("migrate", "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("original"))),
                "sqlite:" + target, "--layout", layout, "--allow-loss", "--backup-dir", journal);
        assertThat(made.exitCode()).as(made.err()).isZero();
        RowsTouched.record(target);

        CliRun merge = CliRun.of("migrate", "json:" + source, "sqlite:" + target, "--mode", "merge", "--allow-loss", "--backup-dir", journal);

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("records replacing a different one: 1", "records written:                   1\n",
                "records verified:                  217", "backup:").doesNotContain("written records unchanged");
        assertThat(RowsTouched.since(target)).as("rows the merge inserted, updated or deleted").isEqualTo(1);
        CliRun shown = CliRun.of("show", "sqlite:" + target, Fixtures.minskyRecords().get(0).key());
        assertThat(shown.out()).contains("edited");
    }

    @Test
    void aMergeThatChangesOneRecordOfAPostgresSchemaWritesThatRecordAlone() throws Exception {
        String target = TestPostgres.get().freshSchema().display();
        String journal = dir.resolve("journal").toString();
        CliRun made = CliRun.of("migrate", "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("original"))),
                target, "--backup-dir", journal);
        assertThat(made.exitCode()).as(made.err()).isZero();

        CliRun merge = CliRun.of("migrate", "json:" + sourceWithOneRecordEdited(), target, "--mode", "merge", "--backup-dir", journal);

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("records replacing a different one: 1", "records written:                   1\n",
                "records verified:                  217", "backup:").doesNotContain("written records unchanged");
        assertThat(CliRun.of("show", target, Fixtures.minskyRecords().get(0).key()).out()).contains("edited");
    }

    @Test
    void aRowAnotherProgramWroteInAnotherFieldOrderIsHeldAsItIsAndNotWrittenAgain() throws Exception {
        Path target = dir.resolve("target.db");
        String journal = dir.resolve("journal").toString();
        CliRun made = CliRun.of("migrate", "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("original"))),
                "sqlite:" + target, "--backup-dir", journal);
        assertThat(made.exitCode()).as(made.err()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target); Statement statement = connection.createStatement()) {
            ObjectNode stored = JsonCodec.parseObject(statement.executeQuery("SELECT record FROM sessions WHERE id = 2").getString(1));
            List<String> names = new ArrayList<>();
            stored.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode reversed = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> reversed.set(name, stored.get(name)));
            statement.execute("UPDATE sessions SET record = '" + JsonCodec.compact(reversed).replace("'", "''") + "' WHERE id = 2");
        }
        RowsTouched.record(target);

        CliRun merge = CliRun.of("migrate", "json:" + sourceWithOneRecordEdited(), "sqlite:" + target, "--mode", "merge", "--backup-dir", journal);

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("records the target holds already:  216", "records written:                   1\n",
                "records verified:                  217");
        assertThat(RowsTouched.since(target)).as("rows the merge inserted, updated or deleted").isEqualTo(1);
    }

    /** The Minsky fixture with its first record's branch edited. */
    private Path sourceWithOneRecordEdited() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("source")));
        ArrayNode records = (ArrayNode) JsonCodec.parse(Files.readString(source));
        ((ObjectNode) records.get(0)).put("branch", "edited");
        Files.writeString(source, JsonCodec.pretty(records));
        return source;
    }
}
