package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.job.repair.RepairedSession;
import dev.sessiondb.ui.common.Controls;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Apply page's list of the sessions the repair changed, each with the fixes that changed it; Enter or a double-click shows one. */
final class ChangedSessionsView extends VBox {

    private static final int MOST_ROWS_SHOWN = 8;
    private static final double ROW_HEIGHT = 26;

    ChangedSessionsView(ValidateWizardViewModel viewModel) {
        super(6);
        setId("validate-changed");
        ListView<RepairedSession> list = new ListView<>(viewModel.changedSessions());
        list.setId("validate-changed-sessions");
        list.setAccessibleText("The sessions the repair changed; Enter or a double-click shows one in the session pane");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RepairedSession session, boolean empty) {
                super.updateItem(session, empty);
                setText(empty || session == null ? null : line(session));
            }
        });
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(viewModel.changedSessions().size(), MOST_ROWS_SHOWN) * ROW_HEIGHT + 4,
                viewModel.changedSessions()));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                viewModel.showChangedSession(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                viewModel.showChangedSession(list.getSelectionModel().getSelectedItem());
            }
        });
        getChildren().addAll(shownWhileSet("validate-changed-heading", "text-bold", viewModel.changedSessionsHeadingProperty()), list,
                shownWhileSet("validate-changed-said", "warning", viewModel.changedSessionSaidProperty()));
        visibleProperty().bind(Bindings.isNotEmpty(viewModel.changedSessions()));
        managedProperty().bind(visibleProperty());
    }

    /** "task#091: task-id-form, repo-name-variant", a workspace registered saying so. */
    static String line(RepairedSession session) {
        return session.session() + (session.added() ? " (added)" : "") + ": " + String.join(", ", session.checks());
    }

    /** A wrapped line taking no room while its text is empty. */
    private static Label shownWhileSet(String id, String style, ObservableStringValue text) {
        Label label = Controls.styled(new Label(), style);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }
}
