package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit's data loss: a merge wrote a laptop's 2025 version of s1 over the workstation's 2026
 * one. The target's own version of a key now takes part in the conflict, last in priority order.
 */
class ConsolidateIntoMergeTargetTest {

    private static final String OLD_ON_LAPTOP = "{\"session\":\"s1\",\"branch\":\"laptop\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}";
    private static final String NEW_ON_WORKSTATION = "{\"session\":\"s1\",\"branch\":\"NEW-workstation-work\",\"lastActivityAt\":\"2026-06-01T00:00:00Z\"}";

    @TempDir
    Path dir;

    static SessionRecord record(String json) {
        try {
            return SessionRecord.of(JsonCodec.parseObject(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private ConsolidateJob merge(String target, ConflictPolicy policy, String... sourceJson) {
        List<StoreLocator> sources = new ArrayList<>();
        for (int i = 0; i < sourceJson.length; i++) {
            sources.add(StoreContents.create("json:" + dir.resolve("source" + (i + 1) + ".json"), List.of(record(sourceJson[i]))));
        }
        return new ConsolidateJob(sources, StoreLocator.parse(target),
                new ConsolidateOptions(policy, Optional.empty(), Optional.of(TargetMode.MERGE), false, true), new BackupJournal(dir.resolve("journal")));
    }

    private static Map<String, SessionRecord> records(String store) {
        return StoreContents.records(store).stream().collect(Collectors.toMap(SessionRecord::key, Function.identity()));
    }

    private static String branch(SessionRecord record) {
        return record.branch().orElse("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json:work.json", "sqlite:work.db"})
    void newestKeepsTheTargetsNewerVersionAndTheDryRunSaysSoFirst(String target) {
        String work = target.replace(":", ":" + dir + "/");
        StoreContents.create(work, List.of(record(NEW_ON_WORKSTATION)));
        ConsolidateJob job = merge(work, ConflictPolicy.NEWEST, OLD_ON_LAPTOP);

        JobPlan plan = job.plan();
        JobReport report = job.run(ProgressMonitor.NONE);

        String line = "conflict on s1 (sources 1, target): newest: kept the version in the target, newer than every source's;"
                + " no source's version is written; fields that differ: branch, lastActivityAt";
        assertThat(plan.warnings()).contains(line).noneMatch(warning -> warning.contains("replaced by a different version"));
        assertThat(plan.counts()).containsEntry("kept from the target", 1L).containsEntry("records to write", 0L);
        assertThat(report.warnings()).contains(line);
        assertThat(branch(records(work).get("s1"))).isEqualTo("NEW-workstation-work");
        JsonNode conflict = report.details().get("conflicts").get(0);
        assertThat(conflict.get("versions")).extracting(version -> version.get("source").asText() + " " + version.get("fate").asText())
                .containsExactly("1 superseded", "target kept");
    }

    @Test
    void aSourceNewerThanTheTargetStillReplacesIt() {
        String work = "json:" + dir.resolve("work.json");
        StoreContents.create(work, List.of(record(OLD_ON_LAPTOP)));

        JobReport report = merge(work, ConflictPolicy.NEWEST, NEW_ON_WORKSTATION).run(ProgressMonitor.NONE);

        assertThat(branch(records(work).get("s1"))).isEqualTo("NEW-workstation-work");
        assertThat(report.warnings()).contains("conflict on s1 (sources 1, target): newest: kept the version from source 1;"
                + " fields that differ: branch, lastActivityAt");
    }

    @Test
    void firstWritesTheSourcesVersionAndSaysItReplacesANewerOne() throws Exception {
        String work = "json:" + dir.resolve("work.json");
        StoreContents.create(work, List.of(record(NEW_ON_WORKSTATION)));
        ConsolidateJob job = merge(work, ConflictPolicy.FIRST, OLD_ON_LAPTOP);

        JobPlan plan = job.plan();
        JobReport report = job.run(ProgressMonitor.NONE);

        assertThat(plan.warnings()).contains("1 of the target's records would be replaced by an OLDER version from a source"
                        + " (each conflict below says which); --on-conflict newest keeps the target's newer versions",
                "conflict on s1 (sources 1, target): first: kept the version from source 1, which replaces a NEWER version in the target"
                        + " (2026-06-01T00:00:00Z against 2025-01-01T00:00:00Z; the backup keeps it); fields that differ: branch, lastActivityAt");
        assertThat(plan.counts()).containsEntry("newer target versions replaced", 1L);
        assertThat(branch(records(work).get("s1"))).isEqualTo("laptop");
        JsonNode saved = JsonCodec.parse(Files.readString(new BackupJournal(dir.resolve("journal")).saveReport(report)));
        JsonNode conflict = saved.path("details").path("conflicts").get(0);
        assertThat(conflict.get("replacesNewerTargetVersion").asBoolean()).isTrue();
        assertThat(conflict.get("differingFields")).extracting(JsonNode::asText).containsExactly("branch", "lastActivityAt");
    }

    @Test
    void keepBothLeavesTheTargetsVersionUnderItsKeyAndAddsTheSourcesRenamed() {
        String work = "json:" + dir.resolve("work.json");
        StoreContents.create(work, List.of(record(NEW_ON_WORKSTATION)));

        JobReport report = merge(work, ConflictPolicy.KEEP_BOTH, OLD_ON_LAPTOP).run(ProgressMonitor.NONE);

        Map<String, SessionRecord> written = records(work);
        assertThat(written).containsOnlyKeys("s1", "s1~1");
        assertThat(branch(written.get("s1"))).isEqualTo("NEW-workstation-work");
        assertThat(branch(written.get("s1~1"))).isEqualTo("laptop");
        assertThat(report.warnings()).anyMatch(warning -> warning.startsWith("conflict on s1 (sources 1, target): keep-both: the target kept the key,"
                + " other versions became s1~1"));
    }

    @Test
    void keepBothNeverRenamesOntoAKeyTheTargetHolds() {
        String work = "json:" + dir.resolve("work.json");
        SessionRecord alreadyThere = record("{\"session\":\"s1~1\",\"branch\":\"someone else's\"}");
        StoreContents.create(work, List.of(record(NEW_ON_WORKSTATION), alreadyThere));

        merge(work, ConflictPolicy.KEEP_BOTH, OLD_ON_LAPTOP).run(ProgressMonitor.NONE);

        Map<String, SessionRecord> written = records(work);
        assertThat(written).containsOnlyKeys("s1", "s1~1", "s1~1-2");
        assertThat(branch(written.get("s1~1"))).isEqualTo("someone else's");
        assertThat(branch(written.get("s1~1-2"))).isEqualTo("laptop");
    }

    @Test
    void failRefusesWhenTheTargetHoldsADifferentVersionAndWritesNothing() {
        String work = "json:" + dir.resolve("work.json");
        StoreContents.create(work, List.of(record(NEW_ON_WORKSTATION)));

        assertThatThrownBy(() -> merge(work, ConflictPolicy.FAIL, OLD_ON_LAPTOP).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("1 sessions differ between sources or from the target's own version and no version was chosen for them, first s1");
        assertThat(branch(records(work).get("s1"))).isEqualTo("NEW-workstation-work");
    }

    @Test
    void aTargetHoldingTheSameVersionIsNoConflict() {
        String work = "json:" + dir.resolve("work.json");
        StoreContents.create(work, List.of(record(NEW_ON_WORKSTATION)));

        JobPlan plan = merge(work, ConflictPolicy.NEWEST, NEW_ON_WORKSTATION).plan();

        assertThat(plan.counts()).containsEntry("conflicts", 0L).containsEntry("records the target holds already", 1L);
    }
}
