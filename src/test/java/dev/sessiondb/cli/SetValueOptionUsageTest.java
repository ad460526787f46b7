package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over the CLI found an option of set values given another answered in picocli's words, each value twice:
 * "expected one of [NEWEST, newest, FIRST, first, FAIL, fail, KEEP_BOTH, keep-both] (case-sensitive) but was 'bogus'".
 */
class SetValueOptionUsageTest {

    @TempDir
    Path dir;

    @Test
    void aValueNotOfTheSetIsAnsweredWithTheValuesAsTyped() {
        String store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        String target = dir.resolve("out.db").toString();

        CliRun conflict = CliRun.of("consolidate", store, store, "--into", target, "--on-conflict", "latest");
        CliRun mode = CliRun.of("migrate", store, target, "--mode", "append");
        CliRun format = CliRun.of("ls", store, "--format", "xml");

        assertThat(conflict.exitCode()).isEqualTo(2);
        assertThat(conflict.err()).contains("option '--on-conflict' takes one of newest, first, fail, keep-both, not 'latest'")
                .doesNotContain("KEEP_BOTH").doesNotContain("case-sensitive");
        assertThat(mode.err()).contains("option '--mode' takes one of new, replace, merge, not 'append'").doesNotContain("MERGE");
        assertThat(format.err()).contains("option '--format' takes one of table, json, csv, not 'xml'").doesNotContain("TABLE");
        assertThat(dir.resolve("out.db")).doesNotExist();
    }
}
