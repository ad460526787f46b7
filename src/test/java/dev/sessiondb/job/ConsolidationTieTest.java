package dev.sessiondb.job;

import static dev.sessiondb.job.ConsolidateIntoMergeTargetTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minsky's 2025 records have no date, so most real conflicts under newest tie: the report calls a
 * tie a tie, names the rule that broke it, and lists the fields that differ, never their values.
 */
class ConsolidationTieTest {

    @TempDir
    Path dir;

    private JobReport consolidate(String first, String second) {
        List<StoreLocator> sources = List.of(StoreContents.create("json:" + dir.resolve("laptop.json"), List.of(record(first))),
                StoreContents.create("sqlite:" + dir.resolve("desktop.db"), List.of(record(second))));
        return new ConsolidateJob(sources, StoreLocator.parse("json:" + dir.resolve("out.json")), ConsolidateOptions.of(ConflictPolicy.NEWEST),
                new BackupJournal(dir.resolve("journal"))).run(ProgressMonitor.NONE);
    }

    private SessionRecord written() {
        return StoreContents.records("json:" + dir.resolve("out.json")).get(0);
    }

    @Test
    void versionsWithoutADateTieAndTheFirstSourceBreaksIt() throws Exception {
        JobReport report = consolidate("{\"session\":\"s1\",\"branch\":\"a\",\"status\":\"open\",\"repoUrl\":\"https://u:pw-laptop@host/r.git\"}",
                "{\"session\":\"s1\",\"branch\":\"b\",\"status\":\"open\",\"repoUrl\":\"https://u:pw-desktop@host/r.git\"}");

        assertThat(written().branch()).contains("a");
        assertThat(report.warnings()).containsExactly("1 version dropped: it differs from the kept version of its session, in branch, repoUrl, and the result"
                + " will not hold those values (each conflict line names its session and fields; the sources keep them; keeping every version, or"
                + " choosing one, writes them)", "conflict on s1 (sources 1, 2): newest: a tie: no version has a date"
                + " (lastActivityAt, pullRequest.updatedAt or createdAt), broken by priority order (the first source wins):"
                + " kept the version from source 1; fields that differ: branch, repoUrl");
        String saved = Files.readString(new BackupJournal(dir.resolve("journal")).saveReport(report));
        assertThat(saved).doesNotContain("pw-laptop", "pw-desktop");
        JsonNode conflict = JsonCodec.parse(saved).path("details").path("conflicts").get(0);
        assertThat(conflict.get("rule").asText()).isEqualTo("newest-tie");
        assertThat(conflict.get("differingFields")).extracting(JsonNode::asText).containsExactly("branch", "repoUrl");
    }

    @Test
    void versionsEquallyRecentTieToo() {
        JobReport report = consolidate("{\"session\":\"s1\",\"branch\":\"a\",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"session\":\"s1\",\"branch\":\"b\",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"}");

        assertThat(report.warnings()).endsWith("conflict on s1 (sources 1, 2): newest: a tie: source 1, source 2 are equally recent"
                + " (2026-01-01T00:00:00Z), broken by priority order (the first source wins): kept the version from source 1; fields that differ: branch");
    }

    @Test
    void aNewerSecondSourceIsNoTie() {
        JobReport report = consolidate("{\"session\":\"s1\",\"branch\":\"a\"}",
                "{\"session\":\"s1\",\"branch\":\"b\",\"createdAt\":\"2025-03-01T00:00:00Z\"}");

        assertThat(written().branch()).contains("b");
        assertThat(report.warnings()).endsWith("conflict on s1 (sources 1, 2): newest: kept the version from source 2;"
                + " fields that differ: branch, createdAt");
    }
}
