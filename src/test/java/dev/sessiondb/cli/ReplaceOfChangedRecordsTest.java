package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An audit found {@code migrate --mode replace} into a SQL store where a few records differ rewrote every row (100,000 rows
 * for 1,000 changed): such a replace now writes the changed and new records, deletes those the source lacks and leaves the
 * others' rows, in one transaction after the backup, and still verifies the target holds exactly the source.
 */
class ReplaceOfChangedRecordsTest {

    private static final int HELD = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"native", "minsky"})
    void aReplaceOfASqliteStoreWritesTheChangedAndNewRowsAndDeletesTheOthersAlone(String layout) throws Exception {
        Path target = dir.resolve("target.db");
        StoreContents.create("sqlite:" + target + "?layout=" + layout, held());
        String source = StoreContents.create("json:" + dir.resolve("source.json"), oneEditedOneRemovedOneNew()).display();
        RowsTouched.record(target);

        CliRun replace = CliRun.of("migrate", source, "sqlite:" + target, "--mode", "replace", "--allow-loss", "--backup-dir", journal());

        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertChangesOnly(replace);
        assertThat(RowsTouched.since(target)).as("rows the replace inserted, updated or deleted").isEqualTo(3);
        // Minsky's layout keeps fewer fields than the source has: the records are told apart by key, the edit by its field
        assertThat(keys(StoreContents.records("sqlite:" + target))).isEqualTo(keys(oneEditedOneRemovedOneNew()));
        assertThat(StoreContents.records("sqlite:" + target)).anySatisfy(record -> assertThat(record.fields().path("branch").asText()).isEqualTo("edited"));
    }

    @Test
    void aReplaceOfAPostgresSchemaWritesTheChangedAndNewRecordsAndDeletesTheOthersAlone() throws Exception {
        String target = StoreContents.create(TestPostgres.get().freshSchema().display(), held()).display();
        String source = StoreContents.create("json:" + dir.resolve("source.json"), oneEditedOneRemovedOneNew()).display();

        CliRun replace = CliRun.of("migrate", source, target, "--mode", "replace", "--backup-dir", journal());

        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertChangesOnly(replace);
        assertThat(CliRun.of("diff", source, target).exitCode()).as("the target holds exactly the source").isZero();
    }

    /** Emptying the table and loading every row is the cheaper write once most records change. */
    @Test
    void aReplaceThatChangesMostRecordsStillWritesTheTargetWhole() throws Exception {
        Path target = dir.resolve("target.db");
        StoreContents.create("sqlite:" + target, held());
        String source = StoreContents.create("json:" + dir.resolve("source.json"), held().subList(0, 5)).display();

        CliRun replace = CliRun.of("migrate", source, "sqlite:" + target, "--mode", "replace", "--backup-dir", journal());

        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertThat(replace.out()).contains("target records removed:            15", "records written:                   5\n",
                "written records unchanged:         5", "records verified:                  5");
    }

    private static void assertChangesOnly(CliRun replace) {
        assertThat(replace.out()).contains("records new to the target:         1", "records replacing a different one: 1",
                "records the target holds already:  18", "target records removed:            1", "records written:                   2\n",
                "records verified:                  20", "backup:").doesNotContain("written records unchanged");
    }

    private static List<SessionRecord> held() {
        return SampleSessions.minskyList(HELD, 1);
    }

    /** The held records with the first's branch edited, the second left out and one more added. */
    private static List<SessionRecord> oneEditedOneRemovedOneNew() {
        List<SessionRecord> records = new ArrayList<>(held());
        records.set(0, SessionRecord.of(records.get(0).fields().put("branch", "edited")));
        records.remove(1);
        records.add(SampleSessions.minskyRecord(HELD, 1));
        return records;
    }

    private static List<String> keys(List<SessionRecord> records) {
        return StoreContents.byKey(records).stream().map(SessionRecord::key).toList();
    }

    private String journal() {
        return dir.resolve("journal").toString();
    }
}
