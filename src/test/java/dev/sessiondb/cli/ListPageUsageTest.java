package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over the CLI found {@code ls --limit 0} printing an empty table that ended "no session after the first 0 of 217",
 * and {@code --limit -1} or {@code --offset -3} refused with "offset and limit must not be negative", naming neither option.
 */
class ListPageUsageTest {

    @TempDir
    Path dir;

    @Test
    void aLimitOfNoSessionIsRefusedNamingTheOptionNotListedAsAnEmptyPage() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("ls", "json:" + fixture, "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--limit 0: give a number of sessions, 1 or more, or leave --limit out to list them all");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aNegativeLimitOrOffsetIsRefusedNamingTheOptionAndItsValue() {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun limit = CliRun.of("ls", "json:" + fixture, "--limit", "-1");
        CliRun offset = CliRun.of("ls", "json:" + fixture, "--offset", "-3");

        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit -1: give a number of sessions, 1 or more");
        assertThat(offset.exitCode()).isEqualTo(2);
        assertThat(offset.err()).contains("--offset -3: give how many sessions to skip, 0 or more");
    }
}
