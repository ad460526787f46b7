package dev.sessiondb.ui.jobs;

import dev.sessiondb.ui.common.Controls;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.TaskProgressView;

/**
 * The jobs panel: every running job with its progress bar, "done of total · rate · time left"
 * and a cancel button (ControlsFX TaskProgressView). A finished job leaves the panel.
 */
public final class JobsView extends VBox {

    public JobsView(ObservableList<Task<?>> jobs) {
        setId("jobs-view");
        setSpacing(4);
        setPadding(new Insets(6, 10, 6, 10));
        TaskProgressView<Task<?>> progress = new TaskProgressView<>();
        progress.setAccessibleText("Running jobs, with progress and cancel buttons");
        progress.getTasks().addAll(jobs);
        jobs.addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(task -> !task.isDone() && !progress.getTasks().contains(task)).forEach(progress.getTasks()::add);
                progress.getTasks().removeAll(change.getRemoved()); // the panel shows exactly what the badge counts
            }
        });
        VBox.setVgrow(progress, Priority.ALWAYS);
        getChildren().addAll(Controls.styled(new Label("Jobs"), "text-caption", "text-muted"), progress);
    }
}
