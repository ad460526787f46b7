package dev.sessiondb.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewViewModelTest {

    @TempDir
    Path directory;

    @Test
    void theFixtureIsCountedByRepositoryStatusAndWeek() {
        CurrentStore current = new CurrentStore();
        OverviewViewModel viewModel = new OverviewViewModel(current, new CurrentThreadTaskExecutor(), new ScriptedDialogService());

        current.show(TestStores.openFixtureCopy(directory));

        StoreStatistics statistics = viewModel.statisticsProperty().get();
        assertThat(statistics.total()).isEqualTo(217);
        assertThat(statistics.withoutTaskId()).isEqualTo(93);
        assertThat(statistics.byRepo()).containsEntry("local/minsky", 159L).containsEntry("local-minsky", 50L);
        assertThat(statistics.perWeek().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(217);
        assertThat(viewModel.findings()).isNotEmpty().anyMatch(finding -> finding.check().equals("repo-name-variant"));
        assertThat(viewModel.findingsStatusProperty().get()).isEqualTo("Top findings of the validation checks:");
        current.close();
    }

    @Test
    void theLargestGroupsComeFirstAndTheRestIsSummed() {
        assertThat(StoreStatistics.top(Map.of("a", 5L, "b", 9L, "c", 1L, "d", 2L), 2))
                .containsExactly(Map.entry("b", 9L), Map.entry("a", 5L), Map.entry("other", 3L));
    }
}
