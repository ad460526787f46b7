package dev.sessiondb.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewViewModelTest {

    @TempDir
    Path directory;

    /** What ran, and whether it was listed in the jobs panel. */
    private final List<String> ran = new ArrayList<>();
    private final TaskExecutor recording = new TaskExecutor() {
        private final CurrentThreadTaskExecutor inner = new CurrentThreadTaskExecutor();

        @Override
        public <V> void execute(BackgroundTask<V> task) {
            ran.add(task.title() + (task.isShownInJobs() ? " [jobs panel]" : ""));
            inner.execute(task);
        }

        @Override
        public void shutdown() {
        }
    };

    @Test
    void openingRefreshingAndSavingNeverRunTheChecksNorOpenTheJobsPanel() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, recording, new ScriptedDialogService());

        current.show(TestStores.openFixtureCopy(directory));
        current.changed(); // a refresh or a single save

        assertThat(ran).hasSize(2).allSatisfy(title -> assertThat(title).startsWith("Overview of").doesNotContain("jobs panel"));
        assertThat(viewModel.findings()).isEmpty();
        assertThat(viewModel.findingsStatusProperty().get()).isEqualTo(OverviewViewModel.NOT_CHECKED);

        viewModel.runChecks();

        assertThat(ran).last().asString().startsWith("Validate").endsWith("[jobs panel]");
        assertThat(viewModel.findings()).isNotEmpty();
        current.changed();
        assertThat(viewModel.findings()).isNotEmpty();
        assertThat(viewModel.findingsStatusProperty().get()).startsWith("The store changed since the checks ran");
        assertThat(ran).filteredOn(title -> title.startsWith("Validate")).hasSize(1);
        current.close();
    }

    @Test
    void aHiddenOverviewCountsOnlyOnceShownAndOnceForEveryChangeMeanwhile() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, recording, new ScriptedDialogService());
        viewModel.showingProperty().set(false);

        current.show(TestStores.openFixtureCopy(directory));
        current.changed();
        current.changed();

        assertThat(ran).isEmpty();
        assertThat(viewModel.statisticsProperty().get()).isNull();

        viewModel.showingProperty().set(true);

        assertThat(ran).containsExactly("Overview of " + current.store().locator().display());
        assertThat(viewModel.statisticsProperty().get().total()).isEqualTo(217);
        viewModel.showingProperty().set(false);
        viewModel.showingProperty().set(true);
        assertThat(ran).hasSize(1);

        viewModel.showingProperty().set(false);
        current.changed();
        assertThat(viewModel.statisticsProperty().get()).isNull();
        viewModel.showingProperty().set(true);
        assertThat(ran).hasSize(2);
        assertThat(viewModel.statusProperty().get()).isEqualTo(current.store().locator().display());
        current.close();
    }

    /** A tour: the summary read "warning · task-id-form · 5 findings", a name only a script knows; it now says it as the Validate wizard does. */
    @Test
    void aCheckIsSummedUpByItsLabelWithTheNameTheCliTakes() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, recording, new ScriptedDialogService());
        current.show(TestStores.openFixtureCopy(directory));

        viewModel.runChecks();

        assertThat(viewModel.findings()).filteredOn(finding -> finding.check().equals("task-id-form")).singleElement()
                .extracting(FindingSummary::headline).isEqualTo("warning · Task id written in another form (task-id-form) · 5 findings");
        current.close();
    }

    @Test
    void aFindingLeadsToItsExampleSession() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, recording, new ScriptedDialogService());
        current.show(TestStores.openFixtureCopy(directory));
        viewModel.runChecks();
        FindingSummary withSession = viewModel.findings().stream().filter(finding -> !finding.exampleSession().isEmpty()).findFirst().orElseThrow();

        viewModel.showExample(withSession);

        assertThat(current.selectedKeyProperty().get()).isEqualTo(withSession.exampleSession());
        assertThat(current.store().get(withSession.exampleSession())).isPresent();
        current.close();
    }

    @Test
    void theFixtureIsCountedByRepositoryStatusAndWeek() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, new CurrentThreadTaskExecutor(), new ScriptedDialogService());

        current.show(TestStores.openFixtureCopy(directory));
        viewModel.runChecks();

        StoreStatistics statistics = viewModel.statisticsProperty().get();
        assertThat(statistics.total()).isEqualTo(217);
        assertThat(statistics.withoutTaskId()).isEqualTo(93);
        assertThat(statistics.byRepo()).containsEntry("local/minsky", 159L).containsEntry("local-minsky", 50L);
        // no fixture record has a status: the pie shows them as one slice, the count of statuses is 0
        assertThat(statistics.byStatus()).containsExactly(Map.entry("(no status)", 217L));
        assertThat(statistics.statuses()).isZero();
        assertThat(statistics.repositories()).isEqualTo(8);
        assertThat(statistics.perWeek().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(217);
        assertThat(statistics.headlines()).extracting(StoreStatistics.Headline::label)
                .containsExactly("Sessions", "Repositories", "Statuses", "Without task id");
        assertThat(viewModel.findings()).isNotEmpty().anyMatch(finding -> finding.check().equals("repo-name-variant"));
        assertThat(viewModel.findingsStatusProperty().get()).startsWith("Top findings of the validation checks");
        current.close();
    }

    /** A chat server's store was counted by Minsky's fields: "0 Repositories, 0 Statuses, 5 Without task id", no word of its messages. */
    @Test
    void aChatServersStoreIsCountedByItsSessionsAndMessagesNotByMinskysFields() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, new CurrentThreadTaskExecutor(), new ScriptedDialogService());
        StoreLocator chat = StoreContents.create("sqlite:" + directory.resolve("chat.db") + "?layout=chat",
                LongStream.range(0, 5).mapToObj(SampleSessions::chatRecord).toList());

        current.show(StoreFactory.open(chat, OpenMode.EXISTING));

        StoreStatistics statistics = viewModel.statisticsProperty().get();
        assertThat(statistics.aboutMinskySessions()).isFalse();
        assertThat(statistics.headlines()).containsExactly(new StoreStatistics.Headline(5, "Session", "Sessions"),
                new StoreStatistics.Headline(15, "Message", "Messages"));
        current.close();
    }

    /** In a store of Minsky's and a chat server's sessions, the chat sessions were counted as Minsky's without a task id. */
    @Test
    void aMixedStoreCountsOnlyMinskysSessionsWithoutATaskId() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, new CurrentThreadTaskExecutor(), new ScriptedDialogService());
        StoreLocator mixed = StoreContents.create("json:" + directory.resolve("mixed.json"), List.of(SampleSessions.minskyRecord(1, 1)
                .with("taskId", NullNode.getInstance()), SampleSessions.minskyRecord(2, 1)
                .with("taskId", "#2"), SampleSessions.chatRecord(3), SampleSessions.chatRecord(4)));

        current.show(StoreFactory.open(mixed, OpenMode.EXISTING));

        StoreStatistics statistics = viewModel.statisticsProperty().get();
        assertThat(statistics.withoutTaskId()).isEqualTo(1);
        assertThat(statistics.headlines()).extracting(StoreStatistics.Headline::label).contains("Without task id", "Messages");
        current.close();
    }

    /** The secrets audit: the charts' labels and a finding's example showed what every table masks. */
    @Test
    void theChartsAndTheFindingsShowNoSecretOfTheRecords() throws Exception {
        Path file = Files.writeString(directory.resolve("secrets.json"), "[{\"session\":\"sess-password=hunter2\","
                + "\"repoName\":\"https://bob:RepoPw1@github.com/x\",\"status\":\"token=StatusTok2\",\"repoUrl\":\"u\","
                + "\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"taskId\":\"7\"}]");
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, new CurrentThreadTaskExecutor(), new ScriptedDialogService());

        current.show(StoreFactory.open("json:" + file, OpenMode.EXISTING));
        viewModel.runChecks();

        StoreStatistics statistics = viewModel.statisticsProperty().get();
        assertThat(statistics.byRepo()).containsOnlyKeys("https://bob:****@github.com/x");
        assertThat(statistics.byStatus()).containsOnlyKeys("token=****");
        assertThat(viewModel.findings()).isNotEmpty().allSatisfy(finding -> assertThat(finding.example()).doesNotContain("hunter2", "RepoPw1", "StatusTok2"))
                .anySatisfy(finding -> assertThat(finding.example()).startsWith("sess-password=****: "));
        current.close();
    }

    @Test
    void theLargestGroupsComeFirstAndTheRestIsSummed() {
        assertThat(StoreStatistics.top(Map.of("a", 5L, "b", 9L, "c", 1L, "d", 2L), 2))
                .containsExactly(Map.entry("b", 9L), Map.entry("a", 5L), Map.entry("other", 3L));
    }
}
