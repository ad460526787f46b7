package dev.sessiondb.ui.jobs;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.ShownAhead;
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
public final class JobsView extends VBox implements ShownAhead.Staged {

    /**
     * A job never run, in the list only while the panel is built ahead: the list's first cell (its bar,
     * labels, button and the button's tooltip, a window of its own) is then made before a real job
     * needs it, and kept for it. Made when the first job opened the panel, it was most of the
     * longest pulse of a 1M migration's plan.
     */
    private final Task<Void> standIn = new Task<>() {
        @Override
        protected Void call() {
            return null;
        }
    };
    private final TaskProgressView<Task<?>> progress = new TaskProgressView<>();

    public JobsView(ObservableList<Task<?>> jobs) {
        setId("jobs-view");
        setSpacing(4);
        setPadding(new Insets(6, 10, 6, 10));
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

    /** Built ahead in two stages: with the stand-in job (its cell made), then without it (the cell kept for the next job). */
    @Override
    public boolean nextStage() {
        if (progress.getTasks().contains(standIn)) {
            progress.getTasks().remove(standIn);
            return false;
        }
        if (!progress.getTasks().isEmpty()) {
            return false; // a real job has made the cell
        }
        progress.getTasks().add(standIn);
        return true;
    }
}
