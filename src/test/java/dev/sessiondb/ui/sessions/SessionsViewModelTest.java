package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.TaskId;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsViewModelTest extends ViewModelFixture {

    private SessionsViewModel viewModel;

    @BeforeEach
    void openFixture() {
        viewModel = new SessionsViewModel(current, executor, dialogs, new ColumnChoices(directory.resolve("columns.json")),
                journal());
        current.show(TestStores.openFixtureCopy(directory));
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void openingAStoreShowsEverySessionAndItsCount() {
        assertThat(viewModel.rowsProperty().get()).hasSize(217);
        assertThat(viewModel.countProperty().get()).isEqualTo("217 sessions");
        assertThat(viewModel.rowsProperty().get().get(0).isLoaded()).isTrue();
    }

    @Test
    void searchingNarrowsTheRowsAndTheCountSaysOfHowMany() {
        // task#1 finds what #1 finds (a task id typed qualified, SearchForms): 45 named task#1…, and #142 and task122-… (its task id #122)
        viewModel.searchProperty().set("task#1");

        assertThat(viewModel.rowsProperty().get()).hasSize(47);
        assertThat(viewModel.countProperty().get()).isEqualTo("47 of 217 sessions");
    }

    /** An empty result named the remedy but not the key to it; a search-free result has no search to clear. */
    @Test
    void anEmptyResultSaysHowToClearTheSearchOrThatAFilterHidesAll() {
        viewModel.searchProperty().set("no such session anywhere");

        assertThat(viewModel.emptyTableMessage().get()).isEqualTo("No sessions match. Clear the search (Esc clears it) or remove a filter.");

        viewModel.searchProperty().set("");
        viewModel.filters().add(new FieldFilter(SortKey.REPO_NAME, "no such repository"));

        assertThat(viewModel.emptyTableMessage().get()).isEqualTo("No sessions match. Remove a filter.");
    }

    @Test
    void aColumnFilterKeepsOnlyThatExactValue() {
        viewModel.filters().add(new FieldFilter(SortKey.REPO_NAME, "local-minsky"));

        assertThat(viewModel.rowsProperty().get()).hasSize(50)
                .allSatisfy(row -> assertThat(row.record().repoName()).contains("local-minsky"));
    }

    @Test
    void aTypedFilterValueKeepsOnlyThatValueAndCancellingKeepsEverything() {
        dialogs.answer("local-minsky").answer(null);

        viewModel.askFilter(SessionColumn.REPO);
        viewModel.askFilter(SessionColumn.BRANCH);

        assertThat(viewModel.countProperty().get()).isEqualTo("50 of 217 sessions");
        assertThat(viewModel.filters()).containsExactly(new FieldFilter(SortKey.REPO_NAME, "local-minsky"));
    }

    @Test
    void filteringByACellReplacesTheFilterOnThatColumn() {
        SessionRow first = viewModel.rowsProperty().get().get(0);
        viewModel.filterBy(SessionColumn.REPO, first);
        viewModel.filterBy(SessionColumn.REPO, first);

        assertThat(viewModel.filters()).containsExactly(new FieldFilter(SortKey.REPO_NAME, first.record().repoName().orElseThrow()));
    }

    @Test
    void sortingByCreatedDescendingPutsTheNewestSessionFirst() {
        viewModel.sortBy(SortKey.CREATED_AT, true);

        List<SessionRow> rows = viewModel.rowsProperty().get();
        String newest = rows.get(0).record().createdAt().orElseThrow().sortable().orElseThrow();
        String next = rows.get(1).record().createdAt().orElseThrow().sortable().orElseThrow();
        assertThat(newest).isGreaterThanOrEqualTo(next);
    }

    /** The real store writes #051 and #51 (and #099 and #99): sorted by Task, the table orders them by number, not as text. */
    @Test
    void sortingByTaskOrdersTheTasksByNumberWhateverFormTheirIdsTake() {
        viewModel.sortBy(SortKey.TASK_ID, false);

        List<Optional<String>> taskIds = viewModel.rowsProperty().get().stream().map(row -> row.record().taskId()).toList();
        List<Long> numbers = taskIds.stream().flatMap(Optional::stream)
                .map(taskId -> Long.parseLong(TaskId.parse(taskId).orElseThrow().number())).toList();
        assertThat(taskIds).hasSize(217);
        assertThat(taskIds.stream().flatMap(Optional::stream)).contains("#51", "#053", "#99", "#100");
        assertThat(numbers).isSorted();
        assertThat(taskIds.subList(numbers.size(), taskIds.size())).as("the sessions without a task id, last").allMatch(Optional::isEmpty);
    }

    @Test
    void selectingARowSharesItsKeyWithTheOtherViews() {
        viewModel.select(viewModel.rowsProperty().get().get(3));

        assertThat(current.selectedKeyProperty().get()).isEqualTo(viewModel.rowsProperty().get().get(3).record().key());
    }

    @Test
    void copiedRowsAreTabSeparatedWithAHeader() {
        String text = viewModel.copyText(viewModel.rowsProperty().get().subList(0, 2), List.of(SessionColumn.SESSION, SessionColumn.REPO));

        assertThat(text.lines()).hasSize(3).first().isEqualTo("Session\tRepo");
    }

    @Test
    void exportingCsvWritesTheShownSessionsWithAHeader() throws Exception {
        Path file = directory.resolve("shown.csv");

        exportShown("task#1", file, viewModel::exportCsv);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(48);
        assertThat(lines.get(0)).startsWith("Session,Task,Repo,Branch,Status");
        assertThat(dialogs.notifications()).anyMatch(message -> message.startsWith("Exported 47 sessions"));
    }

    /** The sessions a search shows, exported to the file the file chooser answers. */
    private void exportShown(String search, Path file, Runnable export) {
        viewModel.searchProperty().set(search);
        dialogs.answer(file);
        export.run();
    }

    @Test
    void exportingJsonWritesWholeRecordsAsAnArray() throws Exception {
        Path file = directory.resolve("all.json");
        dialogs.answer(file);

        viewModel.exportJson();

        assertThat(new ObjectMapper().readTree(file.toFile())).hasSize(217);
    }

    @Test
    void exportingJsonAgainOntoTheEarlierExportReplacesItAfterABackup() throws Exception {
        Path file = directory.resolve("shown.json");
        exportShown("task#1", file, viewModel::exportJson);
        byte[] earlier = Files.readAllBytes(file);

        exportShown("task#2", file, viewModel::exportJson); // the file chooser asked before replacing it

        assertThat(dialogs.errors()).isEmpty();
        BackupJournal journal = journal();
        assertThat(journal.list()).hasSize(1);
        assertThat(Files.readAllBytes(journal.snapshotOf(journal.list().get(0)))).isEqualTo(earlier);
        assertThat(Files.readAllBytes(file)).isNotEqualTo(earlier);
        assertThat(dialogs.notifications()).anyMatch(message -> message.contains("to " + file + "; the earlier export there was backed up first as "
                + journal.list().get(0).id()));
    }

    @Test
    void exportingOntoTheOpenStoreOrAnotherStoreIsRefusedAndBothSurviveByteForByte() throws Exception {
        Path open = current.store().locator().path();
        Path sqlite = sampleSqliteStore("other.db", 3);
        byte[] openBefore = Files.readAllBytes(open);
        byte[] sqliteBefore = Files.readAllBytes(sqlite);
        dialogs.answer(open).answer(sqlite);

        viewModel.exportJson();
        viewModel.exportCsv();

        assertThat(dialogs.errors()).containsExactly(
                "Export to " + open + " refused: " + open + " is the store being exported from (json:" + open
                        + "); an export never writes over a session store; nothing was written; choose another file",
                "Export to " + sqlite + " refused: " + sqlite + " is a session store (SQLITE); an export never writes over a session store;"
                        + " nothing was written; choose another file");
        assertThat(Files.readAllBytes(open)).isEqualTo(openBefore);
        assertThat(Files.readAllBytes(sqlite)).isEqualTo(sqliteBefore);
    }

    @Test
    void aLargeSqliteStoreShowsItsSizeAtOnceAndFetchesAFarRowWithItsPage() {
        Path file = sampleSqliteStore("large.db", 20_000);
        current.show(StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.EXISTING));

        PagedSessionList rows = (PagedSessionList) viewModel.rowsProperty().get();
        assertThat(rows.resultSize()).isEqualTo(20_000);
        assertThat(rows).as("the first window of the result").hasSize(PagedSessionList.WINDOW_ROWS);
        assertThat(rows.cachedPages()).isEqualTo(1);
        assertThat(viewModel.countProperty().get()).isEqualTo("20,000 sessions");
        PagedSessionList last = rows.window(15_000);
        assertThat(last.start()).as("moved back to stay full").isEqualTo(10_000);
        assertThat(last.get(5_123).record().key()).isEqualTo(String.format("task-md#%06d", 15_123));
        assertThat(rows.cachedPages()).isEqualTo(2);
    }

    @Test
    void aBroadSearchInALargeSqliteStoreShowsItsFirstPageThenGrowsToItsCount() {
        Path file = sampleSqliteStore("broad.db", 20_000);
        List<BackgroundTask<?>> waiting = new ArrayList<>();
        SessionsViewModel held = new SessionsViewModel(current, new TaskExecutor() {
            @Override
            public <V> void execute(BackgroundTask<V> task) {
                waiting.add(task);
            }

            @Override
            public void shutdown() {
            }
        }, dialogs, new ColumnChoices(directory.resolve("held-columns.json")), journal());
        current.show(StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.EXISTING));
        held.searchProperty().set("MD#");
        runAll(waiting);

        assertThat(held.rowsProperty().get()).as("the first page, shown before the count").hasSize(QueryPages.PAGE_SIZE);
        assertThat(held.countProperty().get()).isEqualTo("at least 200 of 20,000 sessions, counting…");
        assertThat(waiting).as("the count, still to run").hasSize(1);

        runAll(waiting);

        assertThat(((PagedSessionList) held.rowsProperty().get()).resultSize()).isEqualTo(20_000);
        assertThat(held.rowsProperty().get()).hasSize(PagedSessionList.WINDOW_ROWS);
        assertThat(held.countProperty().get()).isEqualTo("20,000 of 20,000 sessions");
        assertThat(held.rowsProperty().get().get(0).record().key()).isEqualTo("task-md#000000");
    }

    @Test
    void aNarrowSearchInASqliteStoreIsCountedByItsOnlyPage() {
        Path file = sampleSqliteStore("narrow.db", 2_000);
        current.show(StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.EXISTING));

        viewModel.searchProperty().set("md#00012");

        assertThat(viewModel.rowsProperty().get()).hasSize(10);
        assertThat(viewModel.countProperty().get()).isEqualTo("10 of 2,000 sessions");
    }

    /** A SQLite store of {@code count} sample sessions, closed again. */
    private Path sampleSqliteStore(String name, int count) {
        Path file = directory.resolve(name);
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(count, 3), count), ProgressMonitor.NONE);
        }
        return file;
    }

    /** Runs the tasks queued so far; those they queue wait for the next call. */
    private static void runAll(List<BackgroundTask<?>> waiting) {
        List<BackgroundTask<?>> round = new ArrayList<>(waiting);
        waiting.clear();
        round.forEach(task -> new CurrentThreadTaskExecutor().execute(task));
    }

    @Test
    void closingTheStoreEmptiesTheTable() {
        SessionStore store = current.store();
        current.close();

        assertThat(viewModel.rowsProperty().get()).isEmpty();
        assertThat(viewModel.storeOpenProperty().get()).isFalse();
        assertThat(store).isNotNull();
    }

    @Test
    void aFilterPickListCountsTheValuesInTheStoreAndPickingOneFilters() {
        viewModel.showPickList(SessionColumn.REPO);

        assertThat(viewModel.pickingProperty().get()).isEqualTo(SessionColumn.REPO);
        assertThat(viewModel.pickList()).startsWith(new ValueCount("local/minsky", 159),
                new ValueCount("local-minsky", 50));

        viewModel.pick(viewModel.pickList().get(1));

        assertThat(viewModel.filters()).containsExactly(new FieldFilter(SortKey.REPO_NAME, "local-minsky"));
        assertThat(viewModel.countProperty().get()).isEqualTo("50 of 217 sessions");
        assertThat(viewModel.pickingProperty().get()).isNull();

        // another column's list counts the 50 shown; this column's own list still offers its other values
        viewModel.showPickList(SessionColumn.REPO);
        assertThat(viewModel.pickList()).startsWith(new ValueCount("local/minsky", 159));
        viewModel.closePickList();
        viewModel.showPickList(SessionColumn.TASK);
        assertThat(viewModel.pickList().stream().mapToLong(ValueCount::count).sum())
                .as("every session shown is counted, those without a task id under (empty)").isEqualTo(50);
    }

    /** The secrets audit: the pick list and the filter's chip showed a branch holding a token whole, which the table's cells mask. */
    @Test
    void thePickListAndTheFilterChipShowAValueWithItsSecretMasked() {
        current.store().put(current.store().get("task#002").orElseThrow().with("branch", "feat/ghp_BRANCHTOKENabcdefghijklmnopqrstuvwx12"));
        current.changed();
        viewModel.showPickList(SessionColumn.BRANCH);

        ValueCount withToken = viewModel.pickList().stream()
                .filter(value -> value.value().orElse("").contains("ghp_")).findFirst().orElseThrow();
        viewModel.pick(withToken);

        assertThat(SessionColumn.BRANCH.pickText(withToken)).isEqualTo("feat/****wx12  (1)");
        assertThat(QueryColumn.chipText(viewModel.filters().get(0))).isEqualTo("Branch = feat/****wx12");
        assertThat(viewModel.countProperty().get()).isEqualTo("1 of 217 sessions");
    }

    /** D14: the 93 sessions without a task id can be picked, as "(empty)" at the top of the list. */
    @Test
    void thePickListOffersTheSessionsWithoutAValueAndPickingThemFilters() {
        long withoutTask = Fixtures.minskyRecords().stream().filter(record -> record.taskId().isEmpty()).count();
        viewModel.showPickList(SessionColumn.TASK);

        assertThat(viewModel.pickList().get(0)).isEqualTo(ValueCount.withoutValue(withoutTask));
        viewModel.pick(viewModel.pickList().get(0));

        assertThat(viewModel.filters()).containsExactly(FieldFilter.withoutValue(SortKey.TASK_ID));
        assertThat(viewModel.countProperty().get()).isEqualTo(withoutTask + " of 217 sessions");
        assertThat(viewModel.rowsProperty().get()).allSatisfy(row -> assertThat(row.record().taskId()).isEmpty());
    }

    @Test
    void sortingCyclesAscendingDescendingAndBackToTheStoresOrder() {
        viewModel.sortBy(SortKey.REPO_NAME, false);
        assertThat(viewModel.sortedBy()).contains(SortKey.REPO_NAME);
        assertThat(viewModel.query().sort()).isEqualTo(SortKey.REPO_NAME);

        viewModel.sortBy(SortKey.REPO_NAME, true);
        assertThat(viewModel.query().descending()).isTrue();

        viewModel.unsort();
        assertThat(viewModel.sortedBy()).isEmpty();
        assertThat(viewModel.query().sort()).isEqualTo(SortKey.SESSION);
        assertThat(viewModel.query().descending()).isFalse();
    }

    @Test
    void searchWordsMustAllMatchEachInAnyField() {
        viewModel.searchProperty().set("local-minsky task#1");

        assertThat(viewModel.rowsProperty().get()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.record().repoName()).contains("local-minsky");
            assertThat(row.record().key() + row.record().taskId().orElse("")).contains("task#1");
        });
    }

    @Test
    void addedAndHiddenColumnsAreRememberedPerStore() throws Exception {
        assertThat(viewModel.fieldsFound()).contains("remote.depth", "repoUrl");

        viewModel.addColumn("pullRequest.state");
        viewModel.showColumn(SessionColumn.BRANCH, false);
        SessionStore store = current.store();
        Path other = Files.createDirectories(directory.resolve("other"));
        current.show(TestStores.openFixtureCopy(other));
        assertThat(viewModel.addedColumns()).isEmpty();
        assertThat(viewModel.hiddenColumns()).isEmpty();

        SessionsViewModel reopened = new SessionsViewModel(current, executor, dialogs,
                new ColumnChoices(directory.resolve("columns.json")), journal());
        current.show(StoreFactory.open(store.locator(), OpenMode.EXISTING));

        assertThat(reopened.addedColumns()).containsExactly(new FieldColumn("pullRequest.state"));
        assertThat(reopened.hiddenColumns()).containsExactly("branch");
    }

    @Test
    void aFieldColumnShowsNestedValuesWithSecretsMasked() throws Exception {
        SessionRecord record = SessionRecord.of((ObjectNode)
                new ObjectMapper().readTree(
                        "{\"session\":\"s\",\"pullRequest\":{\"state\":\"open\"},\"github\":{\"token\":\"ghp_abcdefghijklmnopqrstuvwxyz\"}}"));

        assertThat(new FieldColumn("pullRequest.state").text(record)).isEqualTo("open");
        assertThat(new FieldColumn("github").text(record)).doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz");
        assertThat(new FieldColumn("github.token").text(record)).doesNotContain("abcdefghijklmnop");
        assertThat(new FieldColumn("unknownField").text(record)).isEmpty();
    }

    /** Copy rows took the standard columns only; an added column is copied in the order given, masked as its cells show it. */
    @Test
    void copiedRowsTakeAnAddedColumnInTheOrderGivenMaskedAsShown() throws Exception {
        SessionRow row = new SessionRow(0, SessionRecord.of((ObjectNode)
                new ObjectMapper().readTree(
                        "{\"session\":\"s\",\"repoName\":\"r\",\"github\":{\"token\":\"ghp_abcdefghijklmnopqrstuvwxyz\"}}")));

        String text = viewModel.copyText(List.of(row), List.of(new FieldColumn("github.token"), SessionColumn.SESSION, SessionColumn.REPO));

        assertThat(text.lines()).containsExactly("github.token\tSession\tRepo", new FieldColumn("github.token").text(row.record()) + "\ts\tr");
        assertThat(text).doesNotContain("abcdefghijklmnop");
    }

    @Test
    void theTableSaysItIsReadingUntilTheFirstPageArrives() {
        Deque<Runnable> queued = new ArrayDeque<>();
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <V> void execute(BackgroundTask<V> task) {
                queued.add(() -> now.execute(task));
            }

            @Override
            public void shutdown() {
            }
        };
        CurrentStore slow = new CurrentStore();
        SessionsViewModel reading = new SessionsViewModel(slow, later, dialogs, new ColumnChoices(directory.resolve("slow-columns.json")),
                journal());

        slow.show(current.store());
        assertThat(reading.loadingProperty().get()).isTrue();

        queued.poll().run();
        assertThat(reading.loadingProperty().get()).isFalse();
        assertThat(reading.countProperty().get()).isEqualTo("217 sessions");
    }
}
