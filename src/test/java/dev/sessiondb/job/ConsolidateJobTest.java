package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three overlapping stores: A holds sessions 0-19, B 10-29, C 15-24. B changed 10-14 later
 * than A; C changed 15-16 earlier than A and B, and 20-21 later than B. Everything else that
 * overlaps is identical.
 */
class ConsolidateJobTest {

    @TempDir
    Path dir;

    private final List<SessionRecord> sample = SampleSessions.minskyList(30, 7);
    private List<StoreLocator> sources;

    @BeforeEach
    void createThreeOverlappingStores() {
        List<SessionRecord> a = new ArrayList<>(sample.subList(0, 20));
        List<SessionRecord> b = new ArrayList<>(sample.subList(10, 30));
        List<SessionRecord> c = new ArrayList<>(sample.subList(15, 25));
        for (int i = 0; i < 5; i++) {
            b.set(i, b.get(i).with("lastActivityAt", "2026-03-0" + (i + 1) + "T10:00:00Z"));
        }
        for (int i = 0; i < 2; i++) {
            c.set(i, c.get(i).with("lastActivityAt", "2024-01-01T00:00:00Z"));
            c.set(i + 5, c.get(i + 5).with("lastActivityAt", "2026-06-01T00:00:00Z"));
        }
        sources = List.of(StoreContents.create("json:" + dir.resolve("a.json"), a),
                StoreContents.create("json:" + dir.resolve("b.json"), b),
                StoreContents.create("json:" + dir.resolve("c.json"), c));
    }

    private ConsolidateJob job(ConflictPolicy policy) {
        return new ConsolidateJob(sources, StoreLocator.parse("json:" + dir.resolve("session-db.json")), ConsolidateOptions.of(policy),
                new BackupJournal(dir.resolve("journal")));
    }

    private Map<String, SessionRecord> consolidated() {
        return consolidated(dir.resolve("session-db.json"));
    }

    private static Map<String, SessionRecord> consolidated(Path store) {
        return StoreContents.records("json:" + store).stream().collect(Collectors.toMap(SessionRecord::key, Function.identity()));
    }

    private String activity(SessionRecord record) {
        return record.field("lastActivityAt").map(JsonNode::asText).orElse("none");
    }

    @Test
    void newestKeepsTheVersionWithTheLatestOwnTimestamp() {
        JobReport report = job(ConflictPolicy.NEWEST).run(ProgressMonitor.NONE);

        Map<String, SessionRecord> result = consolidated();
        assertThat(result).hasSize(30);
        assertThat(report.counts()).containsEntry("conflicts", 9L).containsEntry("superseded by another version", 9L);
        for (int i = 10; i < 15; i++) {
            assertThat(activity(result.get(sample.get(i).key()))).startsWith("2026-03-0");
        }
        for (int i = 15; i < 17; i++) {
            assertThat(activity(result.get(sample.get(i).key()))).isNotEqualTo("2024-01-01T00:00:00Z");
        }
        for (int i = 20; i < 22; i++) {
            assertThat(activity(result.get(sample.get(i).key()))).isEqualTo("2026-06-01T00:00:00Z");
        }
        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
    }

    @Test
    void firstKeepsTheVersionOfTheSourceNamedFirst() {
        job(ConflictPolicy.FIRST).run(ProgressMonitor.NONE);

        Map<String, SessionRecord> result = consolidated();
        for (int i = 0; i < 20; i++) {
            assertThat(StoreContents.canonical(List.of(result.get(sample.get(i).key()))))
                    .isEqualTo(StoreContents.canonical(List.of(sample.get(i))));
        }
        assertThat(activity(result.get(sample.get(20).key()))).isEqualTo(activity(sample.get(20)));
    }

    @Test
    void keepBothKeepsEveryVersionUnderASuffixedKey() {
        JobReport report = job(ConflictPolicy.KEEP_BOTH).run(ProgressMonitor.NONE);

        Map<String, SessionRecord> result = consolidated();
        assertThat(result).hasSize(30 + 9);
        String changedByB = sample.get(10).key();
        assertThat(result).containsKeys(changedByB, changedByB + "~2", sample.get(15).key() + "~3", sample.get(20).key() + "~3");
        assertThat(activity(result.get(changedByB + "~2"))).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(report.counts()).containsEntry("kept under a new key", 9L);
    }

    @Test
    void failRefusesOnTheFirstConflictAndWritesNothing() {
        assertThatThrownBy(() -> job(ConflictPolicy.FAIL).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("9 sessions differ between sources and no version was chosen for them, first " + sample.get(10).key());
        assertThat(dir.resolve("session-db.json")).doesNotExist();
        assertThat(new BackupJournal(dir.resolve("journal")).list()).as("no backup of a store never made").isEmpty();
    }

    @Test
    void theReportAccountsForEveryInputRecordAndItsSource() {
        JobReport report = job(ConflictPolicy.NEWEST).run(ProgressMonitor.NONE);

        long input = 20 + 20 + 10;
        assertThat(report.counts()).containsEntry("input records", input);
        long settled = report.counts().get("kept") + report.counts().get("kept under a new key")
                + report.counts().get("identical duplicates dropped") + report.counts().get("superseded by another version");
        assertThat(settled).isEqualTo(input);
        assertThat(report.details().get("records")).hasSize((int) input);
        assertThat(report.details().get("conflicts")).hasSize(9);
        JsonNode firstConflict = report.details().get("conflicts").get(0);
        assertThat(firstConflict.get("versions")).hasSize(2);
        assertThat(firstConflict.get("settlement").asText()).isEqualTo("newest: kept the version from source 2");
    }

    /** W7 of the bad-input audit: the report named such a key in full under "session" and "writtenAs", and in its conflict lines. */
    @Test
    void theReportMasksASecretInASessionKeyAsEveryOtherOutputDoes() throws Exception {
        SessionRecord withSecret = sample.get(0).with("session", "sess-password=hunter2");
        List<StoreLocator> twoVersions = List.of(StoreContents.create("json:" + dir.resolve("x.json"), List.of(withSecret)),
                StoreContents.create("json:" + dir.resolve("y.json"), List.of(withSecret.with("lastActivityAt", "2026-03-01T10:00:00Z"))));
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));

        JobReport report = new ConsolidateJob(twoVersions, StoreLocator.parse("json:" + dir.resolve("merged.json")),
                ConsolidateOptions.of(ConflictPolicy.KEEP_BOTH), journal).run(ProgressMonitor.NONE);

        assertThat(consolidated(dir.resolve("merged.json"))).containsKeys("sess-password=hunter2", "sess-password=hunter2~2");
        String saved = Files.readString(journal.saveReport(report));
        assertThat(saved).doesNotContain("hunter2").contains("\"session\": \"sess-password=****\"", "\"writtenAs\": \"sess-password=****\"");
        assertThat(report.warnings()).singleElement().asString().startsWith("conflict on sess-password=**** (sources 1, 2)");
    }

    @Test
    void theReportEndsWithTheSettingsThatPointMinskyAtTheResult() {
        JobReport report = job(ConflictPolicy.NEWEST).run(ProgressMonitor.NONE);

        assertThat(report.notes()).contains("    export MINSKY_SESSIONDB_BACKEND=json",
                "    export MINSKY_SESSIONDB_BASE_DIR=" + dir.toAbsolutePath(), "      backend: json");
    }

    @Test
    void aSourceNamedTwiceIsRefused() {
        List<StoreLocator> twice = List.of(sources.get(0), StoreLocator.parse(dir.resolve("a.json").toString()));
        ConsolidateJob job = new ConsolidateJob(twice, StoreLocator.parse("json:" + dir.resolve("out.json")),
                ConsolidateOptions.of(ConflictPolicy.NEWEST), new BackupJournal(dir.resolve("journal")));

        assertThatThrownBy(job::plan).isInstanceOf(JobRefusedException.class).hasMessageContaining("are the same store");
    }
}
