package dev.sessiondb.ui.wizard.repeats;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.WrappedTextCell;
import dev.sessiondb.ui.wizard.JobSummaryView;
import dev.sessiondb.ui.wizard.WizardPages;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The page a JSON file whose sessions repeat opens on, over {@link RepeatedSessionsViewModel}: the repeats, then the repair. */
public final class RepeatedSessionsView extends ScrollPane {

    public RepeatedSessionsView(RepeatedSessionsViewModel viewModel) {
        setId("repeats");
        // scrolled, as a wizard's page: its width never widens the window's views, and a long report stays reachable
        setFitToWidth(true);
        TableView<RepeatRow> table = Controls.fittedTable("repeats-table", viewModel.repeats(),
                "Each repeated session: its first record, the repeat, and what the repair does with it",
                "No repeated sessions to show: a JSON file that cannot be opened because sessions repeat in it is listed here.");
        table.getColumns().add(column("Session", RepeatRow::session, 80));
        table.getColumns().add(column("First record", RepeatRow::first, 230));
        table.getColumns().add(column("Repeat", RepeatRow::repeat, 230));
        TableColumn<RepeatRow, String> outcome = column("What the repair does", RepeatRow::outcome, 450);
        // what to edit is the point of a row that stays: it wraps rather than ending in "…"
        outcome.setCellFactory(view -> new WrappedTextCell<>());
        table.getColumns().add(outcome);
        table.setPrefHeight(220);

        Label whatToDo = Controls.styled(WizardPages.statusText("repeats-what-to-do", viewModel.whatToDoProperty()), "text-warning");
        whatToDo.managedProperty().bind(whatToDo.textProperty().isNotEmpty());
        HBox actions = WizardPages.runButtons("repeats", "Back up and remove identical repeats",
                "Back the file up, then write it without the repeats identical to their session's first record", viewModel::removeIdentical,
                viewModel.jobRun()::cancel, viewModel.canRemove(), viewModel.busyProperty(), viewModel.jobRun().runWaitsProperty());
        Label file = Controls.styled(WizardPages.statusText("repeats-file", viewModel.fileProperty()), "text-bold");
        VBox page = WizardPages.page("Repeated sessions", "A JSON file in which a session's key repeats opens as no store. Repeats identical to"
                        + " their session's first record can go without losing anything; a repeat that differs is yours to choose.",
                file, WizardPages.statusText("repeats-status", viewModel.statusProperty()), table, whatToDo, actions,
                WizardPages.progressLine("repeats-progress", viewModel.jobRun().progress(), viewModel.busyProperty()),
                new JobSummaryView("repeats-result", viewModel.resultProperty()));
        page.setMinHeight(Region.USE_PREF_SIZE);
        page.setPadding(new Insets(16));
        setContent(page);
    }

    private static TableColumn<RepeatRow, String> column(String title, Function<RepeatRow, String> value, double width) {
        TableColumn<RepeatRow, String> column = WizardPages.column(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
