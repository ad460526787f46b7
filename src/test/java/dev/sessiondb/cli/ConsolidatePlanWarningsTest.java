package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over the CLI found every consolidate plan ending in "warning: source 1 is json:a.json", one such line a source,
 * though nothing was wrong: a script or a person reading the plan took a clean consolidation for one with problems.
 */
class ConsolidatePlanWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aPlanOfSourcesThatDoNotConflictHasNoWarningAndNamesTheSourcesInItsFirstLine() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[{\"session\":\"s1\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-01-01T00:00:00Z\"}]");
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"session\":\"s2\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-01-02T00:00:00Z\"}]");

        CliRun table = CliRun.of("consolidate", "json:" + a, "json:" + b, "--into", "json:" + dir.resolve("all.json"), "--dry-run",
                "--backup-dir", dir.resolve("journal").toString());
        CliRun json = CliRun.of("consolidate", "json:" + a, "json:" + b, "--into", "json:" + dir.resolve("all.json"), "--dry-run",
                "--format", "json", "--backup-dir", dir.resolve("journal").toString());

        assertThat(table.exitCode()).as(table.out() + table.err()).isZero();
        assertThat(table.out()).startsWith("Plan: consolidate json:" + a + " + json:" + b).doesNotContain("warning");
        assertThat(new ObjectMapper().readTree(json.out()).get("warnings")).isEmpty();
    }
}
