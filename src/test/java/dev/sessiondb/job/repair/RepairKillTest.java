package dev.sessiondb.job.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A repair killed (kill -9) at any point leaves the store either as it was or fully repaired,
 * never half-written, and running the repair again finishes the job.
 */
class RepairKillTest {

    private static final int RECORDS = 1500;

    @TempDir
    Path dir;

    private static void fill(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(RECORDS, 11), RECORDS), ProgressMonitor.NONE);
        }
    }

    private static List<SessionRecord> records(StoreLocator locator) {
        List<SessionRecord> records = new ArrayList<>();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING); RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(records::add);
        }
        records.sort(Comparator.comparing(SessionRecord::key));
        return records;
    }

    private static void repair(StoreLocator locator, Path journal) {
        new RepairJob(locator, ReportingRepair.CHECKS, List.of(), new BackupJournal(journal)).run(ProgressMonitor.NONE);
    }

    private StoreLocator locator(String format, String name) {
        return StoreLocator.parse(format + ":" + dir.resolve(name + (format.equals("json") ? ".json" : ".db")));
    }

    @ParameterizedTest(name = "{0} store killed at ''{1}''")
    @CsvSource({
        "json, planning", "json, surveying (pass 1 of 2) 50", "json, checking (pass 2 of 2) 50", "json, backing up",
        "json, writing 0", "json, writing 50", "json, writing 90",
        "sqlite, planning", "sqlite, surveying (pass 1 of 2) 50", "sqlite, checking (pass 2 of 2) 50", "sqlite, backing up",
        "sqlite, writing 0", "sqlite, writing 50", "sqlite, writing 90"
    })
    void aRepairKilledAtAnyPointLeavesTheStoreWholeAndARerunFinishesIt(String format, String killPoint) throws Exception {
        StoreLocator reference = locator(format, "reference");
        fill(reference);
        List<SessionRecord> original = records(reference);
        repair(reference, dir.resolve("reference-journal"));
        List<SessionRecord> repaired = records(reference);
        assertThat(repaired).isNotEqualTo(original);
        StoreLocator victim = locator(format, "victim");
        fill(victim);
        Path journal = dir.resolve("journal");

        Path childTemp = Files.createDirectories(dir.resolve("child-tmp"));
        Process child = JavaProcess.of(ReportingRepair.class, List.of("-Djava.io.tmpdir=" + childTemp),
                        victim.format().scheme() + ":" + victim.target(), journal.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean reached = false;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null && !line.equals(ReportingRepair.DONE); line = output.readLine()) {
                if (line.equals(killPoint)) {
                    reached = true;
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(reached).as("the child reached " + killPoint).isTrue();

        assertThat(records(victim)).satisfiesAnyOf(
                after -> assertThat(after).isEqualTo(original),
                after -> assertThat(after).isEqualTo(repaired));
        repair(victim, journal);
        assertThat(records(victim)).isEqualTo(repaired);
    }
}
