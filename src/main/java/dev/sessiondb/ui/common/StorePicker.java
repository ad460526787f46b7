package dev.sessiondb.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A store field: type a locator or pick a known store, or browse for a file; the text is the ViewModel's. */
public final class StorePicker extends HBox {

    private final ComboBox<String> choice;

    /**
     * @param id     the picker's id; the text field is {@code id}, the button {@code id-browse}
     * @param help   what the store is for, as tooltip and accessible text
     * @param browse asks the user for a file and puts it in the text
     */
    public StorePicker(String id, String help, StringProperty text, KnownStores known, Runnable browse) {
        super(6);
        choice = Controls.describe(new ComboBox<>(known.locators()), help);
        choice.setId(id);
        choice.setEditable(true);
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setPromptText("path, sqlite:PATH, jsondir:PATH or postgresql://user@host/db");
        choice.getEditor().setAccessibleText(help);
        choice.getEditor().textProperty().bindBidirectional(text);
        choice.setOnShowing(event -> known.refresh());
        choice.valueProperty().addListener((property, before, after) -> {
            if (after != null) {
                text.set(after);
            }
        });
        Button choose = Controls.button("Browse…", "Choose a file for: " + help, browse);
        choose.setId(id + "-browse");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        getChildren().addAll(choice, choose);
    }

    /** What Enter in the field does (add the store typed, say), besides taking the text. */
    public void onEnter(Runnable action) {
        choice.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                event.consume();
                action.run();
            }
        });
    }
}
