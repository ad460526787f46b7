package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Files;
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

    /** A pass over the CLI found these named by the temporary file the write failed on ({@code .x.json.1sutr4kf4nfe.tmp}). */
    @Test
    void anOutputFileInAFolderThatIsNotThereNamesTheFolder() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path missing = dir.resolve("gone").resolve("one.json");
        Path underAFile = fixture.resolve("one.json");

        CliRun intoMissing = CliRun.of("export", "json:" + fixture, "task#011", "--output", missing.toString());
        CliRun underFile = CliRun.of("export", "json:" + fixture, "task#011", "--output", underAFile.toString());

        assertThat(intoMissing.exitCode()).isEqualTo(2);
        assertThat(intoMissing.err()).contains(missing + ": the folder " + dir.resolve("gone") + " does not exist; nothing was written;"
                + " choose a file in an existing folder, or create the folder first").doesNotContain(".tmp");
        assertThat(underFile.exitCode()).isEqualTo(2);
        assertThat(underFile.err()).contains(underAFile + ": " + fixture + " is a file, not a folder; nothing was written").doesNotContain(".tmp");
        assertThat(Files.list(dir)).containsExactly(fixture);
    }
}
