package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.files.Staging;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelAfter;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateJobTest {

    @TempDir
    Path dir;

    private BackupJournal journal() {
        return new BackupJournal(dir.resolve("journal"));
    }

    private MigrateJob job(StoreLocator source, String target, Optional<TargetMode> mode) {
        return new MigrateJob(source, StoreLocator.parse(target),
                new MigrateOptions(Optional.empty(), mode, false, true), journal());
    }

    private StoreLocator fixture() {
        return StoreLocator.parse("json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir));
    }

    @Test
    void migratingTheFixtureToANewJsonFileKeepsEveryRecordFieldForField() {
        StoreLocator source = fixture();
        byte[] before = StoreContents.bytes(source.path()).get("");

        JobReport report = job(source, "json:" + dir.resolve("out.json"), Optional.empty()).run(ProgressMonitor.NONE);

        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(report.counts()).containsEntry("records written", 217L).containsEntry("records verified", 217L)
                .containsEntry("records without a task id", 93L);
        assertThat(StoreContents.records("json:" + dir.resolve("out.json"))).containsExactlyElementsOf(Fixtures.minskyRecords());
        assertThat(StoreContents.bytes(source.path()).get("")).isEqualTo(before);
        assertThat(journal().reportsDir().resolve(report.runId() + ".json")).exists();
    }

    /** The count is of Minsky's sessions, which a task names: a chat or magellai store's plan and report said all of them lacked one. */
    @Test
    void aChatServersOrMagellaisSessionsAreNotCountedAsWithoutATaskId() {
        StoreLocator chat = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat",
                LongStream.range(0, 3).mapToObj(SampleSessions::chatRecord).toList());
        StoreLocator magellai = StoreContents.create("jsondir:" + dir.resolve("magellai"),
                LongStream.range(0, 3).mapToObj(SampleSessions::magellaiRecord).toList());

        assertThat(job(chat, "sqlite:" + dir.resolve("native.db"), Optional.empty()).run(ProgressMonitor.NONE).counts())
                .containsEntry("records written", 3L).doesNotContainKey("records without a task id");
        assertThat(job(magellai, "json:" + dir.resolve("magellai.json"), Optional.empty()).run(ProgressMonitor.NONE).counts())
                .containsEntry("records written", 3L).doesNotContainKey("records without a task id");
    }

    @Test
    void aDryRunPlansAndWritesNothing() throws Exception {
        StoreLocator source = fixture();
        Path target = dir.resolve("out.json");

        JobPlan plan = job(source, "json:" + target, Optional.empty()).plan();

        assertThat(plan.counts()).containsEntry("source records", 217L).containsEntry("target records before", 0L);
        assertThat(plan.refusal()).isEmpty();
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("journal")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(source.path().getFileName().toString());
        }
    }

    @Test
    void aTargetThatHoldsRecordsIsRefusedWithoutAModeAndLeftAlone() {
        StoreLocator source = fixture();
        StoreLocator target = StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(5, 1));
        byte[] before = StoreContents.bytes(target.path()).get("");

        assertThatThrownBy(() -> job(source, target.display(), Optional.empty()).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("holds 5 records; pass --mode replace or --mode merge");
        assertThatThrownBy(() -> job(source, target.display(), Optional.of(TargetMode.NEW)).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class);
        assertThat(StoreContents.bytes(target.path()).get("")).isEqualTo(before);
    }

    @Test
    void replaceBacksUpTheTargetAndUndoPutsItBack() {
        StoreLocator source = fixture();
        StoreLocator target = StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(5, 1));
        byte[] before = StoreContents.bytes(target.path()).get("");

        JobReport report = job(source, target.display(), Optional.of(TargetMode.REPLACE)).run(ProgressMonitor.NONE);
        assertThat(StoreContents.records(target)).hasSize(217);
        assertThat(report.backupId()).isPresent();

        journal().restore(journal().require(report.backupId().get()), ProgressMonitor.NONE);
        assertThat(StoreContents.bytes(target.path()).get("")).isEqualTo(before);
    }

    @Test
    void replacingAJsonDirectoryBacksUpTheFolderAndUndoPutsItBackFileForFile() {
        StoreLocator source = fixture();
        StoreLocator target = StoreContents.create("jsondir:" + dir.resolve("sessions"), SampleSessions.minskyList(5, 1));
        var before = StoreContents.bytes(target.path());

        JobReport report = job(source, target.display(), Optional.of(TargetMode.REPLACE)).run(ProgressMonitor.NONE);
        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target))))
                .isEqualTo(StoreContents.canonical(StoreContents.byKey(Fixtures.minskyRecords())));

        journal().restore(journal().require(report.backupId().get()), ProgressMonitor.NONE);
        assertThat(StoreContents.bytes(target.path())).containsOnlyKeys(before.keySet());
        before.forEach((file, bytes) -> assertThat(StoreContents.bytes(target.path()).get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void undoThroughASymbolicLinkRestoresTheLinkedFileAndKeepsTheLink() throws Exception {
        StoreLocator real = StoreContents.create("json:" + dir.resolve("real.json"), SampleSessions.minskyList(5, 1));
        byte[] before = Files.readAllBytes(real.path());
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.path());

        JobReport report = job(fixture(), "json:" + link, Optional.of(TargetMode.REPLACE)).run(ProgressMonitor.NONE);
        journal().restore(journal().require(report.backupId().get()), ProgressMonitor.NONE);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real.path())).isEqualTo(before);
    }

    @Test
    void undoOfAMigrationIntoANewStoreRemovesIt() {
        Path target = dir.resolve("out.json");
        JobReport report = job(fixture(), "json:" + target, Optional.empty()).run(ProgressMonitor.NONE);

        journal().restore(journal().require(report.backupId().get()), ProgressMonitor.NONE);

        assertThat(target).doesNotExist();
    }

    @Test
    void mergeAddsTheSourceAndKeepsTheTargetsOwnRecords() {
        StoreLocator source = fixture();
        List<SessionRecord> own = SampleSessions.minskyList(5, 1);
        StoreLocator target = StoreContents.create("json:" + dir.resolve("other.json"), own);

        JobReport report = job(source, target.display(), Optional.of(TargetMode.MERGE)).run(ProgressMonitor.NONE);

        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(StoreContents.canonical(StoreContents.records(target))).hasSize(222).containsAll(StoreContents.canonical(own));
    }

    @Test
    void thePlanOfAMergeOrAReplaceCountsWhatItAddsOverwritesKeepsAndRemoves() {
        List<SessionRecord> sample = SampleSessions.minskyList(30, 1);
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), sample.subList(0, 20));
        List<SessionRecord> source = new ArrayList<>(sample.subList(3, 30));
        for (int i = 0; i < 4; i++) {
            source.set(i, source.get(i).with("status", TextNode.valueOf("EDITED")));
        }
        StoreLocator sourceFile = StoreContents.create("json:" + dir.resolve("source.json"), source);

        JobPlan merge = job(sourceFile, target.display(), Optional.of(TargetMode.MERGE)).plan();
        JobPlan replace = job(sourceFile, target.display(), Optional.of(TargetMode.REPLACE)).plan();

        assertThat(merge.counts()).containsEntry("records new to the target", 10L).containsEntry("records replacing a different one", 4L)
                .containsEntry("records the target holds already", 13L).containsEntry("target records kept as they are", 3L)
                .containsEntry("target records after", 30L);
        assertThat(replace.counts()).containsEntry("records new to the target", 10L).containsEntry("records replacing a different one", 4L)
                .containsEntry("records the target holds already", 13L).containsEntry("target records removed", 3L)
                .containsEntry("target records after", 27L);
        assertThat(merge.overwritten()).isEqualTo(4);
        assertThat(replace.overwritten()).isEqualTo(7);
        String replaced = String.join(", ", source.subList(0, 4).stream().map(record -> record.key() + " (status)").toList());
        assertThat(replace.warnings()).containsExactly(
                "4 records of the target are replaced by different versions: " + replaced + " (the backup keeps the old ones)",
                "3 records of the target are removed: " + String.join(", ", sample.subList(0, 3).stream().map(SessionRecord::key).toList())
                        + "; the source does not hold them, and a replace keeps only the source's (the backup keeps them)");
        JobReport merged = job(sourceFile, target.display(), Optional.of(TargetMode.MERGE)).run(ProgressMonitor.NONE);
        assertThat(merged.counts()).containsEntry("records replacing a different one", 4L).containsEntry("records verified", 27L)
                .containsEntry("target records after", 30L);
        assertThat(StoreContents.records(target)).hasSize(30);
    }

    /** A key can hold a secret ("sess-password=..."): the plan's and the report's lines name it masked, as ls and validate do. */
    @Test
    void thePlanAndTheReportMaskASecretInTheKeysTheyName() throws Exception {
        List<SessionRecord> sample = SampleSessions.minskyList(3, 1);
        SessionRecord replaced = sample.get(0).with("session", "sess-password=hunter2");
        StoreLocator target = StoreContents.create("json:" + dir.resolve("target.json"),
                List.of(replaced, sample.get(1).with("session", "old-token=abcdefgh99")));
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"),
                List.of(replaced.with("createdAt", "yesterday"), sample.get(2).with("session", "new-secret=ghij5678").with("createdAt", "2025")));

        JobPlan plan = job(source, target.display(), Optional.of(TargetMode.REPLACE)).plan();
        JobReport report = job(source, target.display(), Optional.of(TargetMode.REPLACE)).run(ProgressMonitor.NONE);

        assertThat(plan.coercions()).containsExactly("sess-password=****: createdAt 'yesterday' does not parse as a date",
                "new-secret=****: createdAt '2025' does not parse as a date");
        assertThat(String.join("\n", plan.warnings())).contains("sess-password=**** (createdAt)", "removed: old-token=****;");
        assertThat(Files.readString(journal().saveReport(report))).doesNotContain("hunter2", "abcdefgh99", "ghij5678");
    }

    @Test
    void aMergePlanCountsRecordsEqualFieldByFieldAsTheSameThoughTheTargetKeepsThemInAnotherFieldOrder() {
        List<SessionRecord> sample = SampleSessions.minskyList(1_100, 1);
        List<SessionRecord> reordered = sample.stream().map(MigrateJobTest::fieldsReversed).toList();
        StoreLocator target = StoreContents.create("json:" + dir.resolve("other-program.json"), reordered);
        List<SessionRecord> source = new ArrayList<>(sample);
        for (int i : new int[] {5, 500, 1_000}) {
            source.set(i, source.get(i).with("status", TextNode.valueOf("EDITED")));
        }
        StoreLocator sourceFile = StoreContents.create("json:" + dir.resolve("source.json"), source);

        JobPlan merge = job(sourceFile, target.display(), Optional.of(TargetMode.MERGE)).plan();

        assertThat(merge.counts()).containsEntry("records new to the target", 0L).containsEntry("records replacing a different one", 3L)
                .containsEntry("records the target holds already", 1_097L).containsEntry("target records kept as they are", 0L);
        assertThat(merge.warnings()).containsExactly("3 records of the target are replaced by different versions: " + sample.get(5).key() + ", "
                + sample.get(500).key() + ", " + sample.get(1_000).key() + " (the backup keeps the old ones)");
    }

    @Test
    void aRerunIntoAFileAnotherProgramWroteInItsOwnFieldOrderFindsItCompleteByContent() {
        List<SessionRecord> sample = SampleSessions.minskyList(1_100, 2);
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), sample);
        StoreLocator same = StoreContents.create("json:" + dir.resolve("same.json"), sample.stream().map(MigrateJobTest::fieldsReversed).toList());
        List<SessionRecord> edited = new ArrayList<>(sample.stream().map(MigrateJobTest::fieldsReversed).toList());
        edited.set(700, edited.get(700).with("status", TextNode.valueOf("EDITED")));
        StoreLocator differs = StoreContents.create("json:" + dir.resolve("differs.json"), edited);

        JobReport report = job(source, same.display(), Optional.empty()).run(ProgressMonitor.NONE);

        assertThat(report.warnings()).contains("the target already holds exactly these records (a previous run finished the write); nothing was written");
        assertThat(report.counts()).containsEntry("records verified", 1_100L);
        assertThatThrownBy(() -> job(source, differs.display(), Optional.empty()).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("holds 1100 records; pass --mode replace or --mode merge");
    }

    @Test
    void aTargetInsideAFolderStoreItReadsOrAFolderAroundItsSourceIsRefusedAndNothingIsWritten() throws Exception {
        StoreLocator folder = StoreContents.create("jsondir:" + dir.resolve("sessions"), SampleSessions.minskyList(5, 1));
        var before = StoreContents.bytes(folder.path());
        StoreLocator file = StoreContents.create("json:" + dir.resolve("here.json"), SampleSessions.minskyList(5, 1));

        assertThatThrownBy(() -> job(folder, "json:" + dir.resolve("sessions/export.json"), Optional.empty()).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("is inside the folder store " + folder.display());
        assertThatThrownBy(() -> job(file, "jsondir:" + dir, Optional.of(TargetMode.MERGE)).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("is inside the folder store jsondir:" + dir);
        assertThat(StoreContents.bytes(folder.path())).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(StoreContents.bytes(folder.path()).get(name)).as(name).isEqualTo(bytes));
    }

    private static SessionRecord fieldsReversed(SessionRecord record) {
        ObjectNode reversed = JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>(record.fieldNames());
        Collections.reverse(names);
        names.forEach(name -> reversed.set(name, record.fields().get(name)));
        return SessionRecord.of(reversed);
    }

    @Test
    void aMigrationIntoAnExistingTargetReportsEveryPhaseWithItsCountsToTheTracker() {
        StoreLocator target = StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(5, 1));
        ProgressTracker tracker = new ProgressTracker();
        Map<String, Long> lastDone = new LinkedHashMap<>();
        tracker.addListener(snapshot -> lastDone.put(snapshot.phase(), snapshot.done()));

        job(fixture(), target.display(), Optional.of(TargetMode.MERGE)).run(tracker);

        assertThat(lastDone).containsKeys("planning", "backing up target", "writing target", "verifying");
        assertThat(lastDone.get("planning")).isEqualTo(217L);
        assertThat(lastDone.get("verifying")).isEqualTo(217L);
    }

    /** An audit: a merge writing 1% of 100,000 records showed its bar near 0% through the whole compare, counting only what it wrote. */
    @Test
    void aMergeIntoASqlStoreThatWritesOneRecordCountsEveryRecordItComparesToTheTracker() {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), Fixtures.minskyRecords());
        ProgressTracker tracker = new ProgressTracker();
        Map<String, Long> lastDone = new LinkedHashMap<>();
        tracker.addListener(snapshot -> lastDone.put(snapshot.phase(), snapshot.done()));

        JobReport report = job(fixtureWithOneRecordEdited(), target.display(), Optional.of(TargetMode.MERGE)).run(tracker);

        assertThat(report.counts()).containsEntry("records written", 1L);
        assertThat(lastDone.get("writing target")).as("records the write compared").isEqualTo(217L);
    }

    /** The cancel was asked only at a record written: one asked after the last written record was read past, and the merge committed. */
    @Test
    void aMergeIntoASqlStoreCancelledWhileItComparesLeavesTheTargetAsItWas() {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), Fixtures.minskyRecords());
        ProgressTracker tracker = new ProgressTracker();
        tracker.addListener(snapshot -> {
            if (snapshot.phase().equals("writing target") && snapshot.done() > 0) {
                tracker.cancel();
            }
        });

        assertThatThrownBy(() -> job(fixtureWithOneRecordEdited(), target.display(), Optional.of(TargetMode.MERGE)).run(tracker))
                .isInstanceOf(CancelledException.class);
        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target))))
                .isEqualTo(StoreContents.canonical(StoreContents.byKey(Fixtures.minskyRecords())));
    }

    /** The fixture with its first record's branch edited, as a JSON file. */
    private StoreLocator fixtureWithOneRecordEdited() {
        List<SessionRecord> oneEdited = new ArrayList<>(Fixtures.minskyRecords());
        oneEdited.set(0, SessionRecord.of(oneEdited.get(0).fields().put("branch", "edited")));
        return StoreContents.create("json:" + dir.resolve("edited.json"), oneEdited);
    }

    @Test
    void aMigrationIntoANewTargetPlansWhileWritingInOnePass() {
        ProgressTracker tracker = new ProgressTracker();
        Map<String, Long> lastDone = new LinkedHashMap<>();
        tracker.addListener(snapshot -> lastDone.put(snapshot.phase(), snapshot.done()));

        JobReport report = job(fixture(), "json:" + dir.resolve("out.json"), Optional.empty()).run(tracker);

        assertThat(lastDone).containsOnlyKeys("writing target", "verifying the new store");
        assertThat(lastDone.get("writing target")).isEqualTo(217L);
        assertThat(report.counts()).containsEntry("source records", 217L).containsEntry("records verified", 217L);
        assertThat(report.backupId()).isPresent();
    }

    /**
     * An audit: the one pass's bar said "?" records all along, a JSON file's count being known only once it is read. The fixture
     * is a file this process has not read (one it wrote or read keeps its count), as the CLI finds it.
     */
    @Test
    void aOnePassCopyOfAJsonFileShowsATotalFromItsFirstRecord() {
        ProgressTracker tracker = new ProgressTracker();
        List<ProgressTracker.Snapshot> writing = counted(tracker, "writing target");

        job(fixture(), "sqlite:" + dir.resolve("out.db"), Optional.empty()).run(tracker);

        assertShowsATotalThroughout(writing, Fixtures.MINSKY_COUNT);
    }

    /** An audit: planning a JSON file into an existing store said "N/?" records all along, as the one pass did. */
    @Test
    void planningAJsonFileIntoAnExistingTargetShowsATotalFromItsFirstRecord() {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(5, 1));
        ProgressTracker tracker = new ProgressTracker();
        List<ProgressTracker.Snapshot> planning = counted(tracker, "planning");

        job(fixture(), target.display(), Optional.of(TargetMode.MERGE)).run(tracker);

        assertShowsATotalThroughout(planning, Fixtures.MINSKY_COUNT);
    }

    /** The tracker's snapshots of {@code phase} once it counted a record, as the bar shows them. */
    private static List<ProgressTracker.Snapshot> counted(ProgressTracker tracker, String phase) {
        List<ProgressTracker.Snapshot> shown = new ArrayList<>();
        tracker.addListener(snapshot -> {
            if (snapshot.phase().equals(phase) && snapshot.done() > 0) {
                shown.add(snapshot);
            }
        });
        return shown;
    }

    private static void assertShowsATotalThroughout(List<ProgressTracker.Snapshot> shown, long records) {
        assertThat(shown).isNotEmpty().allSatisfy(snapshot -> assertThat(snapshot.total()).isGreaterThanOrEqualTo(snapshot.done()));
        assertThat(shown.get(shown.size() - 1).done()).isEqualTo(records);
    }

    @Test
    void aMigrationCancelledWhilePlanningAndWritingANewTargetWritesNothing() {
        ProgressTracker tracker = new ProgressTracker();
        tracker.addListener(snapshot -> {
            if (snapshot.phase().equals("writing target") && snapshot.done() > 0) {
                tracker.cancel();
            }
        });

        assertThatThrownBy(() -> job(fixture(), "json:" + dir.resolve("out.json"), Optional.empty()).run(tracker))
                .isInstanceOf(CancelledException.class);
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(journal().list()).as("no backup of a store never made").isEmpty();
    }

    @Test
    void aCancelledMigrationLeavesNoTarget() {
        StoreLocator source = fixture();
        Path target = dir.resolve("out.json");

        assertThatThrownBy(() -> job(source, "json:" + target, Optional.empty()).run(new CancelAfter(100))).isInstanceOf(CancelledException.class);

        assertThat(target).doesNotExist();
        assertThat(Staging.beside(target)).doesNotExist();
        assertThat(journal().list()).as("no note of a store that was never made").isEmpty();
    }

    /** A backup left by a write that changed nothing would be what plain undo picks, and take a whole store's space. */
    @Test
    void aCancelledReplaceLeavesTheTargetAsItWasAndNoBackup() {
        StoreLocator source = fixture();
        for (String target : List.of("json:" + dir.resolve("kept.json"), "sqlite:" + dir.resolve("kept.db"))) {
            List<SessionRecord> own = SampleSessions.minskyList(5, 3);
            StoreLocator locator = StoreContents.create(target, own);

            assertThatThrownBy(() -> job(source, target, Optional.of(TargetMode.REPLACE)).run(new CancelAfter(100)))
                    .as(target).isInstanceOf(CancelledException.class);

            assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(locator))))
                    .as(target).isEqualTo(StoreContents.canonical(StoreContents.byKey(own)));
        }
        assertThat(journal().list()).isEmpty();
        assertThat(journal().latestNotRestored()).isEmpty();
    }


    @Test
    void aMissingSourceOrTheSameStoreTwiceIsRefused() {
        StoreLocator source = fixture();
        assertThatThrownBy(() -> job(StoreLocator.parse("json:" + dir.resolve("none.json")), "json:" + dir.resolve("out.json"), Optional.empty()).plan())
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("none.json: no such store");
        assertThatThrownBy(() -> job(source, source.path().toString(), Optional.of(TargetMode.REPLACE)).plan())
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("is the source").hasMessageContaining("migrate never writes into the store it reads");
        assertThat(Files.exists(dir.resolve("out.json"))).isFalse();
    }

    @Test
    void rerunningAMigrationThatAlreadyFinishedOnlyVerifies() {
        StoreLocator source = fixture();
        String target = "json:" + dir.resolve("out.json");
        job(source, target, Optional.empty()).run(ProgressMonitor.NONE);

        JobReport again = job(source, target, Optional.empty()).run(ProgressMonitor.NONE);

        assertThat(again.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(again.counts()).containsEntry("records verified", 217L).doesNotContainKey("records written");
    }
}
