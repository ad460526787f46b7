package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repair of a JSON file in which sessions repeat: identical repeats are cut out byte for byte, differing ones left for a person. */
class RepeatedSessionRepairTest {

    private static final String A = "{\"session\": \"a\", \"branch\": \"a\"}";
    private static final String B = "{\n    \"session\": \"b\",\n    \"branch\": \"b\"\n  }";
    private static final String B_EDITED = "{\n    \"session\": \"b\",\n    \"branch\": \"b-edited\"\n  }";
    private static final String C = "{\"session\": \"c\"}";

    @TempDir
    Path dir;

    @Test
    void identicalRepeatsAreRemovedLeavingEveryOtherByteAndUndoPutsThemBack() throws Exception {
        Path store = file("[\n  " + A + ",\n  " + B + ",\n  " + B + ",\n  " + C + ",\n  " + B + "\n]\n");
        byte[] before = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--backup-dir", backups());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("repeated records to remove:        2", "undo with: sessiondb undo");
        assertThat(Files.readString(store)).isEqualTo("[\n  " + A + ",\n  " + B + ",\n  " + C + "\n]\n");
        assertThat(CliRun.of("validate", store.toString(), "--check", "task-id-form").exitCode()).as("the file opens as a store").isZero();

        CliRun undo = CliRun.of("undo", "--backup-dir", backups());

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void aDryRunListsEachRecordToRemoveWithItsLineAndWritesNothing() throws Exception {
        Path store = file("[\n  " + A + ",\n  " + A + "\n]");
        byte[] before = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--dry-run", "--backup-dir", backups());
        CliRun json = CliRun.of("repair", store.toString(), "--dry-run", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("remove record 2 (line 3): session 'a' repeats record 1 identically (duplicate-session)",
                "repeated records to remove:        1", "Dry run: nothing was written.");
        JsonNode plan = JsonCodec.parse(json.out());
        assertThat(plan.path("coercions").get(0).asText()).startsWith("remove record 2 (line 3)");
        assertThat(plan.path("counts").path("repeated records to remove").asLong()).isEqualTo(1);
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aRepeatThatDiffersIsLeftForAPersonAndNothingIsWritten() throws Exception {
        Path store = file("[\n  " + B + ",\n  " + B_EDITED + "\n]\n");
        byte[] before = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--backup-dir", backups());

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(run.out()).contains("not removed: record 2 (line 6), session 'b', differs from record 1", "repeated records to remove:        0");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(run.out()).doesNotContain("undo with");
    }

    @Test
    void aMixedFileLosesOnlyItsIdenticalRepeatsAndUndoPutsThemBack() throws Exception {
        Path store = file("[\n  " + A + ",\n  " + B + ",\n  " + A + ",\n  " + B_EDITED + "\n]\n");
        byte[] before = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--backup-dir", backups());

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(Files.readString(store)).isEqualTo("[\n  " + A + ",\n  " + B + ",\n  " + B_EDITED + "\n]\n");
        assertThat(CliRun.of("validate", store.toString()).out()).contains("session 'b' appears twice").doesNotContain("session 'a'");

        CliRun undo = CliRun.of("undo", "--backup-dir", backups());

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void aRepairOfOtherChecksStillRefusesTheFile() throws Exception {
        Path store = file("[\n  " + A + ",\n  " + A + "\n]");
        byte[] before = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--check", "task-id-form", "--backup-dir", backups());

        assertThat(run.exitCode()).isNotZero().isNotEqualTo(SessionDbCommand.FOUND);
        assertThat(run.err()).contains("appears twice");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    private Path file(String text) throws Exception {
        Path store = dir.resolve("session-db.json");
        Files.writeString(store, text, StandardCharsets.UTF_8);
        return store;
    }

    private String backups() {
        return dir.resolve("backups").toString();
    }
}
