package dev.sessiondb.ui.sessions;

import dev.sessiondb.ui.common.Controls;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar above the sessions that says the store changed outside the app and offers to reload it. */
public final class ExternalChangesBar extends HBox {

    /**
     * @param focusAfterReload gives the focus to the sessions read again: the Reload button hides with the bar, and JavaFX
     *                         would hand its focus to the next control, the search field, which keeps Ctrl+Z (the window's
     *                         Undo) for its own text
     */
    public ExternalChangesBar(ExternalChangesViewModel viewModel, Runnable focusAfterReload) {
        setId("external-changes");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        getStyleClass().add("external-changes");
        Label message = new Label();
        message.setId("external-changes-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button reload = Controls.button("Reload", "Read the store again and show it as it is now (F5)", () -> {
            focusAfterReload.run();
            viewModel.reload();
        });
        reload.setId("external-changes-reload");
        reload.setMinWidth(Region.USE_PREF_SIZE); // the message wraps; the button keeps its word (it read "R..." at 1280 px)
        getChildren().addAll(message, reload);
        visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
