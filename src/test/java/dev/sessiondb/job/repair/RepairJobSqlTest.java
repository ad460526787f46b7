package dev.sessiondb.job.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.MinskySchemas;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.validation.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair of SQL stores: planned, backed up, written in one transaction, and undone from the backup. */
class RepairJobSqlTest {

    private static final List<String> CHECKS = List.of("repo-name-variant", "task-id-form");

    @TempDir
    Path dir;

    private static void fill(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(Fixtures.minskyRecords().iterator(), Fixtures.MINSKY_COUNT), ProgressMonitor.NONE);
        }
    }

    private static List<SessionRecord> records(StoreLocator locator) {
        List<SessionRecord> records = new ArrayList<>();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING); var cursor = store.cursor()) {
            cursor.forEachRemaining(records::add);
        }
        return records;
    }

    private void repairThenUndo(StoreLocator locator) {
        fill(locator);
        List<SessionRecord> original = records(locator);
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        RepairJob job = new RepairJob(locator, CHECKS, List.of(), journal);

        JobPlan plan = job.plan();
        assertThat(plan.counts()).containsEntry("records to change", 55L).containsEntry("workspaces to register", 0L);
        assertThat(plan.coercions()).contains("change test-with-task (task-id-form)", "    taskId: \"143\" -> \"#143\"");
        assertThat(records(locator)).isEqualTo(original);

        JobReport report = job.run(ProgressMonitor.NONE);

        assertThat(report.backupId()).isPresent();
        assertThat(records(locator)).filteredOn(record -> record.repoName().orElse("").equals("local-minsky")).isEmpty();
        try (Changeset again = job.changeset(ProgressMonitor.NONE)) {
            assertThat(again.isEmpty()).isTrue();
        }

        journal.restore(journal.require(report.backupId().get()), ProgressMonitor.NONE);

        assertThat(records(locator)).isEqualTo(original);
    }

    @Test
    void aSqliteStoreIsRepairedAndUndone() {
        repairThenUndo(StoreLocator.parse("sqlite:" + dir.resolve("sessions.db")));
    }

    @Test
    void aMinskyLayoutSqliteStoreIsRepairedAndUndone() {
        repairThenUndo(StoreLocator.parse("sqlite:" + dir.resolve("minsky.db") + "?layout=minsky"));
    }

    @Test
    void aPostgresqlStoreIsRepairedAndUndone() {
        repairThenUndo(TestPostgres.get().freshSchema());
    }

    /**
     * An audit found registrations previewed and reported with a branch that Minsky's 2026 SQLite table and its
     * PostgreSQL table have no column for (PostgreSQL has no repo_path either), written without it and without a word.
     */
    private void registrationPlansAndReportsOnlyWhatTheStoreHolds(StoreLocator locator, Path state, List<String> notKept) {
        GitRepos.create(state.resolve("sessions/task-md#092"), "https://github.com/edobry/minsky.git", "task-md#092", "2026-02-01T10:00:00Z");
        RepairJob job = new RepairJob(locator, List.of("workspace-unregistered"), List.of(state), new BackupJournal(dir.resolve("journal")));

        JobPlan plan = job.plan();

        assertThat(plan.counts()).containsEntry("workspaces to register", 1L);
        assertThat(plan.coercions()).contains("add task-md#092 (workspace-unregistered)", "    taskId: (absent) -> \"md#092\"")
                .noneMatch(line -> notKept.stream().anyMatch(field -> line.startsWith("    " + field + ": (absent) ->")));
        notKept.forEach(field -> assertThat(plan.coercions()).contains("    " + field + ": not kept — this store's layout has no " + field + " column"));

        JobReport report = job.run(ProgressMonitor.NONE);

        SessionRecord written = records(locator).stream().filter(record -> record.key().equals("task-md#092")).findFirst().orElseThrow();
        JsonNode reported = report.details().path("changes").get(0);
        reported.path("fields").forEach(field -> assertThat(written.field(field.path("path").asText())).contains(field.path("after")));
        assertThat(reported.path("fields").findValuesAsText("path")).hasSize(written.fields().size());
        assertThat(reported.path("notKept").findValuesAsText("path")).isEqualTo(notKept);
    }

    @Test
    void aMinsky2026SqliteTableIsPreviewedAndReportedWithoutTheBranchItHasNoColumnFor() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        StoreLocator locator = MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2026, state.resolve("sessions.db"), true);

        registrationPlansAndReportsOnlyWhatTheStoreHolds(locator, state, List.of("branch"));
    }

    @Test
    void aMinskyPostgresqlTableIsPreviewedAndReportedWithoutBranchOrRepoPath() throws Exception {
        registrationPlansAndReportsOnlyWhatTheStoreHolds(MinskySchemas.postgres(true), Files.createDirectories(dir.resolve("state")),
                List.of("branch", "repoPath"));
    }

    /**
     * An older layout's folder names its repository by the folder it sits in, but nothing gives its URL, which required-field
     * requires: on Minsky's 2026 SQLite and PostgreSQL alike it is left to a person, not written without it.
     */
    private void aWorkspaceWithoutARepoUrlIsLeftToAPerson(StoreLocator locator, Path state) {
        GitRepos.createWithoutRemote(state.resolve("git/local-minsky/sessions/task#500"), "task#500", "2026-01-05T10:00:00Z");
        RepairJob job = new RepairJob(locator, List.of("workspace-unregistered"), List.of(state), new BackupJournal(dir.resolve("journal")));

        JobPlan plan = job.plan();

        assertThat(plan.counts()).containsEntry("workspaces to register", 0L).containsEntry("findings needing a person", 1L);
        assertThat(plan.coercions()).noneMatch(line -> line.contains("task#500"));
        assertThat(plan.warnings()).noneMatch(line -> line.startsWith("not written:"));
    }

    @Test
    void aMinsky2026SqliteTableLeavesAWorkspaceWithoutARepoUrlToAPerson() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        aWorkspaceWithoutARepoUrlIsLeftToAPerson(MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2026, state.resolve("sessions.db"), true), state);
    }

    @Test
    void aMinskyPostgresqlTableLeavesAWorkspaceWithoutARepoUrlToAPerson() throws Exception {
        aWorkspaceWithoutARepoUrlIsLeftToAPerson(MinskySchemas.postgres(true), Files.createDirectories(dir.resolve("state")));
    }

    @Test
    void aRecordChangedAfterPlanningStopsTheRepairBeforeItWrites() {
        StoreLocator locator = StoreLocator.parse("sqlite:" + dir.resolve("sessions.db"));
        fill(locator);
        RepairJob job = new RepairJob(locator, CHECKS, List.of(), new BackupJournal(dir.resolve("journal")));
        ProgressMonitor writeBetweenPlanAndWrite = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void message(String text) {
                if (text.equals("backing up")) {
                    try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
                        store.put(store.get("test-with-task").orElseThrow().with("branch", "moved-on"));
                    }
                }
            }
        };

        assertThatThrownBy(() -> job.run(writeBetweenPlanAndWrite)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("session 'test-with-task' changed while the repair was planned; nothing was written");
        assertThat(records(locator)).filteredOn(record -> record.repoName().orElse("").equals("local-minsky")).hasSize(50);
    }
}
