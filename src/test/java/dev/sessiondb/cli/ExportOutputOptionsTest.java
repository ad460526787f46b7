package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass over the CLI found {@code export} without {@code --output} ignoring {@code --force} and {@code --backup-dir} unseen. */
class ExportOutputOptionsTest {

    @TempDir
    Path dir;

    @Test
    void forceWithoutOutputIsAUsageErrorNamingWhatItGoesWith() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("export", "json:" + fixture, "task#011", "--force");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--force goes with --output FILE", "nothing was exported");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void backupDirAndForceWithoutOutputAreBothNamed() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("export", "json:" + fixture, "task#011", "--force", "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--force and --backup-dir go with --output FILE");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withOutputTheyAreTaken() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("export", "json:" + fixture, "task#011", "--output", dir.resolve("one.json").toString(), "--force",
                "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("one.json")).exists();
    }
}
