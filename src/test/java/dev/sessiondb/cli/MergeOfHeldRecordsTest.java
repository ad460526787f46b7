package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aMergeThatChangesOneRecordSaysItRewroteTheOthersUnchanged() throws Exception {
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        ArrayNode records = (ArrayNode) JsonCodec.parse(Files.readString(source));
        ((ObjectNode) records.get(0)).put("branch", "edited");
        Files.writeString(source, JsonCodec.pretty(records));
        Path target = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("target")));

        CliRun merge = CliRun.of("migrate", "json:" + source, "json:" + target, "--mode", "merge", "--backup-dir", dir.resolve("journal").toString());

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("records replacing a different one: 1", "records written:                   217",
                "written records unchanged:         216", "backup:");
    }
}
