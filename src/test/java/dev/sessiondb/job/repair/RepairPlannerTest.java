package dev.sessiondb.job.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.validation.Check;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.FieldEdit;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.GitRepos;
import dev.sessiondb.validation.Severity;
import dev.sessiondb.validation.ValidationContext;
import dev.sessiondb.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairPlannerTest {

    @TempDir
    Path dir;

    private SessionStore openFixture() {
        return StoreFactory.open(StoreLocator.of(StoreFormat.JSON, Fixtures.copy(Fixtures.MINSKY_ARRAY, dir)), OpenMode.EXISTING);
    }

    private static ValidationContext context(SessionStore store, List<Path> workspaces, Path base) {
        return new ValidationContext(store.locator(), store.info(), workspaces, base);
    }

    @Test
    void planningWritesNothingAndListsEveryRecordItWouldChange() throws Exception {
        try (SessionStore store = openFixture()) {
            Path file = store.locator().path();
            byte[] before = Files.readAllBytes(file);
            try (Changeset changeset = RepairPlanner.plan(store, Checks.create(List.of("repo-name-variant", "task-id-form"),
                    context(store, List.of(), dir)), ProgressMonitor.NONE)) {
                assertThat(Files.readAllBytes(file)).isEqualTo(before);
                assertThat(changeset.updates()).isEqualTo(55);
                assertThat(changeset.inserts()).isZero();
                RecordChange bareTaskId = changeset.first(100).stream().filter(change -> change.session().equals("test-with-task")).findFirst().orElseThrow();
                assertThat(bareTaskId.fieldChanges()).extracting(FieldChange::path, change -> change.a().asText(), change -> change.b().asText())
                        .containsExactly(Tuple.tuple("taskId", "143", "#143"));
                assertThat(bareTaskId.checks()).containsExactly("task-id-form");
            }
        }
    }

    /**
     * The safety net under every check: a store finds a record by its key, so a fix that changed one wrote a second record
     * beside the first (the audit's "****9999" copy of a session named by a token). Such a record is not written, and the
     * plan names it and says why.
     */
    @Test
    void aFixThatWouldChangeARecordsKeyIsNotWrittenAndThePlanNamesTheRecord() {
        Check renaming = asking("renaming", "test-with-task", FieldEdit.set("session", "****9999"), FieldEdit.set("notes", "n"));
        try (SessionStore store = openFixture()) {
            List<String> before = StoreContents.canonical(StoreContents.byKey(StoreContents.records(store.locator())));
            try (Changeset changeset = RepairPlanner.plan(store, List.of(renaming), ProgressMonitor.NONE)) {
                assertThat(changeset.isEmpty()).isTrue();
                assertThat(changeset.manualByCheck()).containsExactly(Map.entry("renaming", 1L));
                assertThat(changeset.notWritten()).singleElement().extracting(NotWritten::describe).asString().startsWith(
                        "not written: test-with-task (renaming): its fix would change the record's key field 'session' ('test-with-task' -> '****9999')"
                                + ", which would write a second record beside this one; nothing of it is written");
                changeset.applyTo(store, store.fingerprint(), ProgressMonitor.NONE);
            }
            assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(store.locator())))).isEqualTo(before);
        }
    }

    /** A check named {@code name} asking for {@code edits} on {@code session}, whether the store has it or not. */
    private static Check asking(String name, String session, FieldEdit... edits) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void finish(Consumer<Finding> findings) {
                findings.accept(Finding.repairable(this, Severity.ERROR, session, "asked", "apply", List.of(edits)));
            }
        };
    }

    /** A registration (a session the store lacks) keyed other than the session it was planned for is not written either. */
    @Test
    void aRegistrationKeyedOtherThanItsSessionIsNotWritten() {
        Check registering = asking("registering", "task#900", FieldEdit.set("session", "task#901"), FieldEdit.set("repoName", "local/minsky"));
        try (SessionStore store = openFixture(); Changeset changeset = RepairPlanner.plan(store, List.of(registering), ProgressMonitor.NONE)) {
            assertThat(changeset.isEmpty()).isTrue();
            assertThat(changeset.notWritten()).singleElement().extracting(NotWritten::describe).asString().startsWith(
                    "not written: task#900 (registering): its fix would change the record's key field 'session' ('task#900' -> 'task#901')");
        }
    }

    @Test
    void applyingTheChangesetLeavesNoRepairableFindingsAndKeepsTheOthers() {
        try (SessionStore store = openFixture()) {
            ValidationContext context = context(store, List.of(), dir);
            try (Changeset changeset = RepairPlanner.plan(store, Checks.create(List.of(), context), ProgressMonitor.NONE)) {
                changeset.applyTo(store, store.fingerprint(), ProgressMonitor.NONE);
            }

            long[] counts = new long[2];
            new Validator(Checks.create(List.of(), context)).run(store, finding -> counts[finding.isRepairable() ? 0 : 1]++, ProgressMonitor.NONE);
            assertThat(counts[0]).isZero();
            assertThat(counts[1]).isEqualTo(18 + 144);
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT);
        }
    }

    @Test
    void unregisteredWorkspacesBecomeNewRecordsFromTheirGitRepository() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        GitRepos.create(state.resolve("sessions/task#300"), "https://github.com/edobry/minsky.git", "task#300", "2025-08-01T12:00:00Z");
        try (SessionStore store = openFixture()) {
            try (Changeset changeset = RepairPlanner.plan(store, Checks.create(List.of("workspace-unregistered"), context(store, List.of(state), dir)),
                    ProgressMonitor.NONE)) {
                assertThat(changeset.inserts()).isEqualTo(1);
                changeset.applyTo(store, store.fingerprint(), ProgressMonitor.NONE);
            }

            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT + 1);
            assertThat(store.get("task#300").orElseThrow().fields().toString()).contains(
                    "\"repoName\":\"edobry/minsky\"", "\"createdAt\":\"2025-08-01T12:00:00.000Z\"", "\"taskId\":\"#300\"", "\"branch\":\"task#300\"");
        }
    }
}
