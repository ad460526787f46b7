package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.ValueCount;
import dev.sessiondb.ui.common.Controls;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The filter's pick list: the values the column has among the sessions shown, with their counts; a click keeps only those sessions. */
final class PickPanel extends VBox {

    PickPanel(SessionsViewModel viewModel) {
        super(6);
        Label title = Controls.styled(new Label(), "text-bold");
        title.textProperty().bind(Bindings.createStringBinding(() -> viewModel.pickingProperty().get() == null ? ""
                : "Show only sessions where " + viewModel.pickingProperty().get().header() + " is:", viewModel.pickingProperty()));
        ListView<ValueCount> values = new ListView<>(viewModel.pickList());
        values.setId("filter-pick-list");
        values.setAccessibleText("Values among the sessions shown, with how many have each; pick one to filter");
        values.setPrefHeight(170);
        values.setPlaceholder(new Label("No sessions are shown, so there is no value to pick"));
        values.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ValueCount value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : viewModel.pickingProperty().get().pickText(value));
            }
        });
        values.setOnMouseClicked(event -> viewModel.pick(values.getSelectionModel().getSelectedItem()));
        values.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.pick(values.getSelectionModel().getSelectedItem());
            } else if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.closePickList();
            }
        });
        Button typed = Controls.button("Other value…", "Type a value that is not in the list (dates as 2025-05-16T22:16:33.321Z)",
                () -> viewModel.askFilter(viewModel.pickingProperty().get()));
        Button close = Controls.button("Close", "Close the list without filtering (Esc)", viewModel::closePickList);
        close.setId("close-pick-list");
        HBox header = new HBox(10, title, Controls.spacer(), typed, close);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, values);
        setId("filter-pick");
        getStyleClass().add("filter-pick");
        visibleProperty().bind(viewModel.pickingProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        viewModel.pickingProperty().addListener((property, before, after) -> {
            if (after != null) {
                values.requestFocus();
            }
        });
    }
}
