package dev.sessiondb.ui.wizard;

import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.WholeTextCell;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Building blocks the wizards' pages share: a page with a heading and a line of help, and a busy line. */
public final class WizardPages {

    private WizardPages() {
    }

    /** A page: heading, one line saying what this step is for, then the content (the last node grows). */
    public static VBox page(String heading, String help, Node... content) {
        Label text = new Label(help);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("text-muted");
        VBox page = new VBox(12, Controls.styled(new Label(heading), "title-3"), text);
        page.getChildren().addAll(content);
        if (content.length > 0) {
            VBox.setVgrow(content[content.length - 1], Priority.ALWAYS);
        }
        page.setMaxWidth(Double.MAX_VALUE);
        return page;
    }

    /** A two-column form: labels, then fields that take the width. */
    public static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /**
     * A Run button (enabled when the plan allows, nothing runs and nothing makes it wait), a Cancel button (enabled while it
     * runs), {@code more} buttons, and while the Run waits (an undo running), why, beside them.
     */
    public static HBox runButtons(String id, String runText, String runHelp, Runnable run, Runnable cancel,
                                  ObservableBooleanValue runnable, ObservableBooleanValue busy, ObservableStringValue waitsFor, Button... more) {
        Button runButton = Controls.button(runText, runHelp, run);
        runButton.setId(id + "-run");
        runButton.getStyleClass().add("accent");
        runButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !runnable.get() || busy.get() || !waitsFor.get().isEmpty(),
                runnable, busy, waitsFor));
        Button cancelButton = Controls.button("Cancel", "Stop; every store stays as it was", cancel);
        cancelButton.setId(id + "-cancel");
        cancelButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !busy.get(), busy));
        Label waits = Controls.styled(statusText(id + "-waits", waitsFor), "text-warning");
        waits.visibleProperty().bind(Bindings.createBooleanBinding(() -> !waitsFor.get().isEmpty(), waitsFor));
        waits.managedProperty().bind(waits.visibleProperty());
        HBox buttons = new HBox(8, runButton, cancelButton);
        buttons.getChildren().addAll(more);
        // the reason takes the room that is left: the buttons keep their words ("…" in their place before)
        buttons.getChildren().forEach(button -> ((Button) button).setMinWidth(Region.USE_PREF_SIZE));
        buttons.getChildren().add(waits);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /** "Plan again", shown once a run found its plan outdated (the Run button is then off): it makes a new plan. */
    public static Button planAgainButton(String id, Runnable planAgain, ObservableBooleanValue outdated) {
        Button button = Controls.button("Plan again", "Plan over what the stores hold now; nothing is written", planAgain);
        button.setId(id + "-plan-again");
        button.getStyleClass().add("accent");
        button.visibleProperty().bind(Bindings.createBooleanBinding(outdated::get, outdated));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    /** A text column whose cells show their whole text as a tooltip, for values cut off by the column's width. */
    public static <S> TableColumn<S, String> column(String title, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(view -> new WholeTextCell<>());
        return column;
    }

    /** The running job's own bar and "done of total · rate · time left", shown while it runs. */
    public static HBox progressLine(String id, JobProgress progress, ObservableBooleanValue busy) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id + "-bar");
        bar.setPrefWidth(200);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(progress.fractionProperty());
        bar.setAccessibleText("Progress of the running job");
        Label text = new Label();
        text.setId(id + "-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty().bind(progress.textProperty());
        text.accessibleTextProperty().bind(progress.textProperty());
        HBox line = new HBox(10, bar, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** "Writes to: STORE (note)", following the store the wizard will write to, so the user never has to guess. */
    public static Label writesTo(String id, ObservableStringValue store, String note) {
        Label text = Controls.styled(new Label(), "text-bold");
        text.setId(id);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        StringBinding words = Bindings.createStringBinding(() -> store.get() == null || store.get().isBlank()
                ? "Writes to: no store chosen yet" : "Writes to: " + store.get() + " (" + note + ")", store);
        // a path breaks after a slash, not inside its file name ("session-d / b.json"); it is read aloud as it is
        text.textProperty().bind(Bindings.createStringBinding(() -> BreakableText.shown(words.get()), words));
        text.accessibleTextProperty().bind(words);
        return text;
    }

    /** What the target holds, said under it once named ("Exists and holds 51 sessions of Minsky"); nothing while none is. */
    public static Label targetLook(String id, WizardTarget target) {
        Label look = statusText(id, target.lookProperty());
        look.visibleProperty().bind(target.lookProperty().isNotEmpty());
        look.managedProperty().bind(look.visibleProperty());
        return look;
    }

    /** The status line, wrapping when long. */
    public static Label statusText(String id, ObservableStringValue status) {
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty().bind(status);
        text.accessibleTextProperty().bind(status);
        return text;
    }

    /**
     * The status line of a job's Run page: while the Run waits (an undo running, its reason beside the button), a status that
     * only invites pressing Run gives way, and it is said again once the Run may be pressed.
     */
    public static Label runStatusText(String id, ObservableStringValue status, String invitation, ObservableStringValue waitsFor) {
        return statusText(id, Bindings.createStringBinding(() -> !waitsFor.get().isEmpty() && status.get().equals(invitation) ? "" : status.get(),
                status, waitsFor));
    }

    /** The status line with a running bar while work of unknown length is in the background. */
    public static HBox statusLine(String id, ObservableStringValue status, ObservableBooleanValue busy) {
        Label text = statusText(id, status);
        ProgressBar running = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        running.setPrefWidth(120);
        running.setAccessibleText("Working");
        running.visibleProperty().bind(busy);
        running.managedProperty().bind(busy);
        HBox line = new HBox(10, running, text);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
