package dev.sessiondb.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.common.ShownAhead;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.TaskProgressView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The jobs panel built ahead has its first job's cell made, holds no job the window did not start, and gives the cell to the first real one. */
@ExtendWith(ApplicationExtension.class)
class JobsViewAheadTest {

    private final ObservableList<Task<?>> jobs = FXCollections.observableArrayList();
    private JobsView panel;
    private VBox window;

    @Start
    void start(Stage stage) {
        panel = new JobsView(jobs);
        window = new VBox(new Label("The window"));
        Scene scene = new Scene(window, 600, 400);
        scene.getStylesheets().add(JobsView.class.getResource("/dev/sessiondb/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstJobFindsItsCellMadeAhead() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> new ShownAhead(window).prepare(List.of(panel))).get();
        waitFor(() -> window.getChildren().size() == 1); // the hidden group gone: the panel is built
        // the cells the list made for the stand-in, now empty (the one it measures with among them)
        Set<Node> madeAhead = onFx(() -> panel.lookupAll(".task-list-cell-empty"));
        assertThat(madeAhead).isNotEmpty().allMatch(ListCell.class::isInstance);
        assertThat(onFx(() -> progress().getTasks())).isEmpty();

        Task<Void> job = new Task<>() {
            @Override
            protected Void call() {
                return null;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            jobs.add(job);
            window.getChildren().add(panel);
        }).get();

        // a cell is there before the list's next layout gives it the job: wait for the one that shows it
        waitFor(() -> cellShowing(job) != null);
        assertThat(madeAhead).contains(onFx(() -> cellShowing(job)));
    }

    private ListCell<?> cellShowing(Task<?> job) {
        return panel.lookupAll(".task-list-cell").stream().map(cell -> (ListCell<?>) cell).filter(cell -> cell.getItem() == job)
                .findFirst().orElse(null);
    }

    private TaskProgressView<?> progress() {
        return (TaskProgressView<?>) panel.lookup(".task-progress-view");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
