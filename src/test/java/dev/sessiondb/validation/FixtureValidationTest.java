package dev.sessiondb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real 217-record Minsky database has the defects the formats document describes; validation finds exactly those. */
class FixtureValidationTest {

    @TempDir
    Path tempDir;

    private List<Finding> validateFixture(List<String> checks) {
        List<SessionRecord> records = Fixtures.minskyRecords();
        Path file = tempDir.resolve("session-db.json");
        StoreLocator locator = StoreLocator.of(StoreFormat.JSON, file);
        ValidationContext context = new ValidationContext(locator,
                new StoreInfo(locator.display(), StoreFormat.JSON, StoreLayout.MINSKY, "bare array", records.size(), null, List.of()),
                List.of(), tempDir);
        List<Finding> findings = new ArrayList<>();
        new Validator(Checks.create(checks, context)).run(records::iterator, records.size(), findings::add, ProgressMonitor.NONE);
        return findings;
    }

    @Test
    void theFixtureHasExactlyItsRealDefects() {
        Map<String, Long> counts = validateFixture(List.of()).stream()
                .collect(Collectors.groupingBy(Finding::check, TreeMap::new, Collectors.counting()));

        assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "duplicate-session", 18L,
                "repo-name-variant", 50L,
                "task-id-form", 5L,
                "task-id-missing", 6L,
                "workspace-missing", 144L)));
    }

    @Test
    void repoNameVariantsAreTheFiftyLocalMinskySpellingsRenamedToTheCommonOne() {
        List<Finding> findings = validateFixture(List.of("repo-name-variant"));

        assertThat(findings).hasSize(50).allSatisfy(finding -> {
            assertThat(finding.message()).startsWith("repoName 'local-minsky' is a variant of 'local/minsky' (159 sessions");
            assertThat(finding.edits()).containsExactly(FieldEdit.set("repoName", "local/minsky"));
        });
    }

    @Test
    void mixedTaskIdFormsAreTheFiveBareIdsInAStoreThatMostlyWritesHashIds() {
        List<Finding> findings = validateFixture(List.of("task-id-form"));

        assertThat(findings).extracting(Finding::session)
                .containsExactlyInAnyOrder("test-success-issue", "test-success-fix", "test-final-fix", "fix-task-status-errors", "test-with-task");
        assertThat(findings).extracting(finding -> finding.edits().get(0).value().asText())
                .containsExactlyInAnyOrder("#999", "#998", "#997", "#136", "#143");
    }

    @Test
    void sessionsNamedForTheSameTaskInDifferentFormsCollide() {
        List<Finding> findings = validateFixture(List.of("duplicate-session"));

        assertThat(findings).extracting(Finding::session).contains("task#027", "99", "task#99", "task#142")
                .doesNotContain("027", "#99", "#142");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void sessionsNamedForATaskWithoutATaskIdGetOneInTheStoresForm() {
        List<Finding> findings = validateFixture(List.of("task-id-missing"));

        assertThat(findings).extracting(Finding::session).containsExactlyInAnyOrder("#87", "#99", "task#107", "#142", "task025", "task-96");
        assertThat(findings).extracting(finding -> finding.edits().get(0).value().asText())
                .containsExactlyInAnyOrder("#87", "#99", "#107", "#142", "#025", "#96");
    }
}
