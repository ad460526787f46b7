package dev.sessiondb.job;

import static dev.sessiondb.job.ConsolidateIntoMergeTargetTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's loss line named every field a dropped session's versions differ in ("in extra, lastCommitMessage, repoUrl"), also
 * those only the kept version has or only the merge target's own version differs in. It names the fields whose dropped value the
 * kept version does not hold, and a dropped version holding nothing the kept one lacks is no loss.
 */
class ConsolidationLostValuesTest {

    private static final String KEPT_WITH_MORE = "{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\",\"extra\":\"e\",\"lastCommitMessage\":\"m\"}";

    @TempDir
    Path dir;

    private JobPlan plan(Optional<String> mergeTarget, String... sourceJson) {
        List<StoreLocator> sources = new ArrayList<>();
        for (int i = 0; i < sourceJson.length; i++) {
            sources.add(StoreContents.create("sqlite:" + dir.resolve("source" + (i + 1) + ".db"), List.of(record(sourceJson[i]))));
        }
        StoreLocator target = mergeTarget.map(json -> StoreContents.create("json:" + dir.resolve("work.json"), List.of(record(json))))
                .orElse(StoreLocator.parse("json:" + dir.resolve("out.json")));
        ConsolidateOptions options = new ConsolidateOptions(ConflictPolicy.NEWEST, Optional.empty(),
                mergeTarget.map(any -> TargetMode.MERGE), false, true);
        return new ConsolidateJob(sources, target, options, new BackupJournal(dir.resolve("journal"))).plan();
    }

    @Test
    void fieldsOnlyTheKeptVersionHasAreNoLoss() {
        JobPlan plan = plan(Optional.empty(), KEPT_WITH_MORE, "{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///b\"}");

        assertThat(plan.warnings()).anyMatch(line -> line.endsWith("fields that differ: extra, lastCommitMessage, repoUrl"));
        assertThat(plan.versionsDropped()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("1 version dropped: it differs from the kept version of its session, in repoUrl, and the result will not hold those values"));
    }

    @Test
    void aDroppedVersionHoldingNothingTheKeptOneLacksIsNoLoss() {
        JobPlan plan = plan(Optional.empty(), KEPT_WITH_MORE, "{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\",\"extra\":null}");

        assertThat(plan.counts()).containsEntry("superseded by another version", 1L);
        assertThat(plan.versionsDropped()).isEmpty();
    }

    @Test
    void theKeptVersionReadAfterTheDroppedOneIsTheOneComparedWith() {
        JobPlan plan = plan(Optional.empty(), "{\"session\":\"s1\",\"repoUrl\":\"file:///a\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}",
                "{\"session\":\"s1\",\"repoUrl\":\"file:///b\",\"extra\":\"new\",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"}");

        assertThat(plan.versionsDropped()).hasValueSatisfying(line -> assertThat(line).contains("1 version dropped", "in lastActivityAt, repoUrl, and"));
    }

    @Test
    void whatOnlyTheMergeTargetsOwnVersionDiffersInIsNotNamed() {
        String dated = ",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"}";
        JobPlan plan = plan(Optional.of("{\"session\":\"s1\",\"branch\":\"old\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}"),
                "{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///a\"" + dated, "{\"session\":\"s1\",\"branch\":\"main\",\"repoUrl\":\"file:///b\"" + dated);

        assertThat(plan.warnings()).anyMatch(line -> line.endsWith("fields that differ: branch, lastActivityAt, repoUrl"));
        assertThat(plan.versionsDropped()).hasValueSatisfying(line -> assertThat(line).contains("1 version dropped", "in repoUrl, and"));
    }

    @Test
    void versionsOfManySessionsAddUp() {
        List<StoreLocator> sources = List.of(
                StoreContents.create("json:" + dir.resolve("a.json"), List.of(record(KEPT_WITH_MORE), record("{\"session\":\"s2\",\"branch\":\"x\"}"))),
                StoreContents.create("json:" + dir.resolve("b.json"), List.of(record("{\"session\":\"s1\",\"branch\":\"dev\"}"),
                        record("{\"session\":\"s2\",\"branch\":\"x\",\"status\":\"open\"}"))));
        JobPlan plan = new ConsolidateJob(sources, StoreLocator.parse("json:" + dir.resolve("out.json")), ConsolidateOptions.of(ConflictPolicy.FIRST),
                new BackupJournal(dir.resolve("journal"))).plan();

        assertThat(plan.versionsDropped()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("2 versions dropped: they differ from the kept version of their session, in branch, status, and"));
    }
}
