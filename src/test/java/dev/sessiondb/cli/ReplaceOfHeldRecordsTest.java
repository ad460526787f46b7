package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit found {@code migrate --mode replace} into a target holding exactly the source's records took a backup and wrote
 * the target again ("records written: 217", "written records unchanged: 217"): such a replace now writes nothing, as a merge
 * of held records does, and says so in its plan and report.
 */
class ReplaceOfHeldRecordsTest {

    private static final String NOTHING_WRITTEN = "the target already holds exactly these records, each as it is; nothing was written";

    @TempDir
    Path dir;

    @Test
    void aReplaceOfAJsonFileHoldingExactlyTheSourcesRecordsLeavesItsBytesAndTimeAndTakesNoBackup() throws Exception {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path target = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("target")));

        assertReplaceWritesNothing(source, "json:" + target, target);
    }

    @Test
    void aReplaceOfASqliteStoreHoldingExactlyTheSourcesRecordsLeavesItsFileAndTakesNoBackup() throws Exception {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path target = dir.resolve("target.db");
        CliRun made = CliRun.of("migrate", source, "sqlite:" + target, "--backup-dir", dir.resolve("first").toString());
        assertThat(made.exitCode()).as(made.err()).isZero();

        assertReplaceWritesNothing(source, "sqlite:" + target, target);
    }

    @Test
    void aReplaceThatWouldRemoveATargetRecordStillWrites() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        ArrayNode records = (ArrayNode) JsonCodec.parse(Files.readString(source));
        records.remove(0);
        Files.writeString(source, JsonCodec.pretty(records));
        Path target = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("target")));

        CliRun replace = CliRun.of("migrate", "json:" + source, "json:" + target, "--mode", "replace", "--backup-dir", dir.resolve("journal").toString());

        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertThat(replace.out()).contains("target records removed:            1", "records written:                   216", "backup:")
                .doesNotContain("nothing was written");
    }

    private void assertReplaceWritesNothing(String source, String targetStore, Path targetFile) throws Exception {
        byte[] before = Files.readAllBytes(targetFile);
        FileTime modified = Files.getLastModifiedTime(targetFile);
        Path journal = dir.resolve("journal");

        CliRun plan = CliRun.of("migrate", source, targetStore, "--mode", "replace", "--dry-run");
        CliRun replace = CliRun.of("migrate", source, targetStore, "--mode", "replace", "--backup-dir", journal.toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("this migration is already done: the target holds exactly the source's records, each as it is; Run writes nothing and only verifies them");
        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertThat(replace.out()).contains("records the target holds already:  217", "target records removed:            0",
                "records verified:                  217", NOTHING_WRITTEN).doesNotContain("records written", "backup:");
        assertThat(Files.readAllBytes(targetFile)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(targetFile)).isEqualTo(modified);
        assertThat(journal.resolve("backups")).doesNotExist();
    }
}
