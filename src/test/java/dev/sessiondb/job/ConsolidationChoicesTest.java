package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conflicts the user settles one by one win over the policy; the policy settles the rest. */
class ConsolidationChoicesTest {

    @TempDir
    Path dir;

    @Test
    void aChosenSourceWinsItsConflictAndThePolicySettlesTheOthers() {
        List<SessionRecord> sample = SampleSessions.minskyList(3, 7);
        List<StoreLocator> sources = List.of(
                StoreContents.create("json:" + dir.resolve("a.json"), sample),
                StoreContents.create("json:" + dir.resolve("b.json"), sample.stream().map(record -> record.with("status", "from b")).toList()));
        String chosen = sample.get(1).key();

        JobReport report = job(sources, ConflictPolicy.FIRST, Map.of(chosen, 1)).run(ProgressMonitor.NONE);

        List<SessionRecord> written = StoreContents.records("json:" + dir.resolve("out.json"));
        assertThat(written).extracting(SessionRecord::key, record -> record.status().orElse("")).containsExactlyInAnyOrder(
                Tuple.tuple(sample.get(0).key(), sample.get(0).status().orElse("")),
                Tuple.tuple(chosen, "from b"),
                Tuple.tuple(sample.get(2).key(), sample.get(2).status().orElse("")));
        assertThat(report.warnings()).contains("conflict on " + chosen + " (sources 1, 2): chosen: kept the version from source 2; fields that differ: status");
    }

    @Test
    void underFailOnlyTheConflictsLeftUnchosenRefuse() {
        List<SessionRecord> sample = SampleSessions.minskyList(2, 7);
        List<StoreLocator> sources = List.of(
                StoreContents.create("json:" + dir.resolve("a.json"), sample),
                StoreContents.create("json:" + dir.resolve("b.json"), sample.stream().map(record -> record.with("status", "from b")).toList()));

        assertThat(job(sources, ConflictPolicy.FAIL, Map.of(sample.get(0).key(), 0)).plan().refusal().map(Refusal::text)).get().asString()
                .startsWith("1 sessions differ");
        assertThat(job(sources, ConflictPolicy.FAIL, Map.of(sample.get(0).key(), 0, sample.get(1).key(), 1)).plan().refusal()).isEmpty();
    }

    private ConsolidateJob job(List<StoreLocator> sources, ConflictPolicy policy, Map<String, Integer> choices) {
        return new ConsolidateJob(sources, StoreLocator.parse("json:" + dir.resolve("out.json")),
                new ConsolidateOptions(policy, Optional.empty(), Optional.empty(), false, true, choices), new BackupJournal(dir.resolve("journal")));
    }
}
