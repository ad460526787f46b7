package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass over the CLI found {@code ls --filter} with no '=' answered in picocli's words, "Value for option option '--filter'". */
class ListFilterUsageTest {

    @TempDir
    Path dir;

    @Test
    void aFilterWithoutEqualsSaysWhatTheOptionTakesInOneReadableLine() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("ls", "json:" + fixture, "--filter", "status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("option '--filter' takes FIELD=VALUE (an '=' between the two), not 'status'")
                .doesNotContain("option option").doesNotContain("KEY=VALUE");
        assertThat(run.out()).isEmpty();
    }
}
