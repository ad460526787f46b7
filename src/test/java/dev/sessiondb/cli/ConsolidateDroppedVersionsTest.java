package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit: a consolidation that superseded versions holding values no kept version has read as if nothing were lost. The dry run
 * and the report say how many versions are dropped and the fields they differ in; versions the same as the kept one are no loss.
 */
class ConsolidateDroppedVersionsTest {

    @TempDir
    Path dir;

    private CliRun consolidate(String third, String policy, String... more) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\"},"
                + "{\"session\":\"s2\",\"branch\":\"x\"}]");
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\"},"
                + "{\"session\":\"s2\",\"branch\":\"x\"}]");
        Path c = Files.writeString(dir.resolve("c.json"), third);
        List<String> args = new ArrayList<>(List.of("consolidate", "json:" + a, "json:" + b, "json:" + c, "--into", "json:" + dir.resolve("out.json"),
                "--on-conflict", policy, "--backup-dir", dir.resolve("journal").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theDryRunAndTheReportNameTheVersionsDroppedAndTheirDifferingFields() throws Exception {
        String third = "[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///c\"},{\"session\":\"s2\",\"branch\":\"x\",\"extra\":\"only here\"}]";

        CliRun dryRun = consolidate(third, "newest", "--dry-run");
        CliRun run = consolidate(third, "newest");

        String dropped = "2 versions dropped: they differ from the kept version of their session, in extra, repoUrl, and the result will not hold those values";
        assertThat(dryRun.out()).contains("  loss: " + dropped, "conflict on s1 (sources 1, 2, 3)", "fields that differ: repoUrl",
                "fields that differ: extra");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("  warning: " + dropped);
    }

    @Test
    void versionsTheSameAsTheKeptOneAreNoLoss() throws Exception {
        CliRun dryRun = consolidate("[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\"}]", "newest", "--dry-run");

        assertThat(dryRun.out()).contains("identical duplicates dropped:", "superseded by another version:     0").doesNotContain("loss:", "versions dropped", "version dropped");
    }

    /** An audit: the line named every field the session's versions differ in, also those only the kept version has. */
    @Test
    void theLineNamesOnlyTheFieldsWhoseDroppedValuesTheKeptVersionDoesNotHold() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\",\"extra\":\"notes\","
                + "\"lastCommitMessage\":\"fix\"}]");
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///b\"}]");
        Path c = Files.writeString(dir.resolve("c.json"), "[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\"}]");

        CliRun dryRun = CliRun.of("consolidate", "json:" + a, "json:" + b, "json:" + c, "--into", "json:" + dir.resolve("out.json"),
                "--on-conflict", "newest", "--backup-dir", dir.resolve("journal").toString(), "--dry-run");

        assertThat(dryRun.out()).contains("superseded by another version:     2", "fields that differ: extra, lastCommitMessage, repoUrl",
                "  loss: 1 version dropped: it differs from the kept version of its session, in repoUrl, and the result will not hold those values");
    }

    @Test
    void keepingEveryVersionDropsNone() throws Exception {
        CliRun dryRun = consolidate("[{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///c\"}]", "keep-both", "--dry-run");

        assertThat(dryRun.out()).contains("conflict on s1", "kept under a new key:              1").doesNotContain("loss:", "versions dropped");
    }
}
