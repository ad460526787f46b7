package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pass over the CLI found {@code ls --filter} with no '=' answered in picocli's words, "Value for option option '--filter'",
 * and a field that {@code --sort}, {@code --filter} or {@code --without} does not take refused as "unknown field 'x'", naming none of them.
 */
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

    @ParameterizedTest
    @CsvSource({"--sort, nosuchfield", "--filter, nosuchfield=1", "--without, nosuchfield"})
    void aFieldTheOptionDoesNotTakeIsRefusedNamingTheOptionAndTheFieldsItTakes(String option, String value) {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("ls", "json:" + fixture, option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sessiondb ls: " + option + " 'nosuchfield' is not a field ls sorts or filters by; use session, taskId,"
                + " repoName, branch, status, createdAt, lastActivityAt, tenantId, userId, name, conversation.model (see sessiondb ls --help)");
        assertThat(run.out()).isEmpty();
    }
}
