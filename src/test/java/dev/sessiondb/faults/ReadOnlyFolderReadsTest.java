package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores in a folder the user may not write (a read-only mount, a backup disk, another user's folder): SQLite needs
 * to create its shared-memory file beside a WAL-mode store to read it, which it cannot there, and every reading
 * command refused such a store as "cannot write". They read it now, say why it cannot be written, and leave the
 * folder exactly as it was; a command that writes it refuses naming the store.
 */
class ReadOnlyFolderReadsTest {

    @TempDir
    Path dir;

    private TmpfsMount mount;
    private Path folder;
    private String journal;
    private Map<String, String> before;

    @BeforeEach
    void storesOnAMountMadeReadOnly() throws IOException {
        mount = TmpfsMount.of(dir.resolve("mount"), 4096);
        folder = mount.folder();
        journal = dir.resolve("journal").toString();
        assertThat(CliRun.of("sample", "json:" + folder.resolve("s.json"), "--count", "20", "--seed", "1").exitCode()).isZero();
        CliRun migrated = CliRun.of("migrate", "json:" + folder.resolve("s.json"), "sqlite:" + folder.resolve("s.db"), "--backup-dir", journal);
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        Files.copy(folder.resolve("s.db"), folder.resolve("t.db"));
        before = FolderChecksums.of(folder);
        mount.readOnly();
    }

    @AfterEach
    void unmount() {
        mount.close();
    }

    @Test
    void readingCommandsReadASqliteStoreInAFolderNobodyMayWriteAndLeaveItAsItWas() throws IOException {
        String store = "sqlite:" + folder.resolve("s.db");

        CliRun listed = CliRun.of("ls", store, "--limit", "2");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("task-md#000000", "sessions 1-2 of 20");
        CliRun searched = CliRun.of("ls", store, "--search", "magellai", "--limit", "2");
        assertThat(searched.exitCode()).as(searched.err()).isZero();
        assertThat(searched.out()).contains("local/magellai");
        CliRun shown = CliRun.of("show", store, "task-md#000001");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("task-md#000001");
        CliRun info = CliRun.of("info", store);
        assertThat(info.out()).contains("Sessions:       20", "read-only: its folder is read-only to you");
        CliRun validated = CliRun.of("validate", store, "--format", "json");
        assertThat(validated.exitCode()).as(validated.err()).isEqualTo(1);
        assertThat(JsonCodec.parse(validated.out()).path("findings").size()).isPositive();

        assertThat(FolderChecksums.of(folder)).as("no -wal or -shm file made, nothing changed").isEqualTo(before);
    }

    @Test
    void diffsPairTwoSuchStoresAndOneWithAJsonFile() throws IOException {
        CliRun paired = CliRun.of("diff", "sqlite:" + folder.resolve("s.db"), "sqlite:" + folder.resolve("t.db"));
        assertThat(paired.exitCode()).as(paired.err()).isZero();
        assertThat(paired.out()).contains("Identical: 20");
        CliRun acrossFormats = CliRun.of("diff", "json:" + folder.resolve("s.json"), "sqlite:" + folder.resolve("s.db"));
        assertThat(acrossFormats.exitCode()).as(acrossFormats.err()).isZero();
        assertThat(acrossFormats.out()).contains("Identical: 20");

        assertThat(FolderChecksums.of(folder)).isEqualTo(before);
    }

    @Test
    void aJobMigratesOutOfSuchAStoreAndARepairOfItRefusesNamingIt() throws IOException {
        Path out = dir.resolve("out.json");
        CliRun migrated = CliRun.of("migrate", "sqlite:" + folder.resolve("s.db"), "json:" + out, "--backup-dir", journal);
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("records verified:                  20");
        assertThat(JsonCodec.parse(Files.readString(out)).size()).isEqualTo(20);

        CliRun repaired = CliRun.of("repair", "sqlite:" + folder.resolve("s.db"), "--backup-dir", journal);
        assertThat(repaired.exitCode()).isEqualTo(2);
        assertThat(repaired.err()).contains("sqlite:" + folder.resolve("s.db"), "was not changed", "writable folder");

        assertThat(FolderChecksums.of(folder)).isEqualTo(before);
    }
}
