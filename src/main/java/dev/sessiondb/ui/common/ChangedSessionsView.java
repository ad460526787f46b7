package dev.sessiondb.ui.common;

import dev.sessiondb.job.repair.RepairedSession;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sessions a repair changed, each with the fixes that changed it, under the Apply page's report and a History repair's
 * story; Enter or a double-click shows one. It takes no room while it has nothing to list or say.
 */
public final class ChangedSessionsView extends VBox {

    private static final int MOST_ROWS_SHOWN = 7;
    /** A row's height until the style sheet's fixed one (app.css, {@code .changed-sessions}) is applied. */
    private static final double ROW_HEIGHT = 30;

    /** @param id prefix of the ids: {@code id-changed}, {@code id-changed-sessions}, {@code id-changed-heading}, {@code id-changed-said} */
    public ChangedSessionsView(String id, ChangedSessions changed) {
        super(6);
        setId(id + "-changed");
        ListView<RepairedSession> list = new ListView<>(changed.sessions());
        list.setId(id + "-changed-sessions");
        list.setAccessibleText("The sessions the repair changed; Enter or a double-click shows one in the session pane");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RepairedSession session, boolean empty) {
                super.updateItem(session, empty);
                setText(empty || session == null ? null : line(session));
            }
        });
        // rows of the one height the list is sized by: the theme's own rows were a third taller, so fewer showed than meant
        list.getStyleClass().add("changed-sessions");
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(changed.sessions().size(), MOST_ROWS_SHOWN)
                * (list.getFixedCellSize() > 0 ? list.getFixedCellSize() : ROW_HEIGHT) + 4, changed.sessions(), list.fixedCellSizeProperty()));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                changed.show(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                changed.show(list.getSelectionModel().getSelectedItem());
            }
        });
        list.visibleProperty().bind(Bindings.isNotEmpty(changed.sessions()));
        list.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(shownWhileSet(id + "-changed-heading", "text-bold", changed.headingProperty()), list,
                shownWhileSet(id + "-changed-said", "warning", changed.saidProperty()));
        visibleProperty().bind(Bindings.isNotEmpty(changed.sessions()).or(changed.saidProperty().isNotEmpty()));
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
