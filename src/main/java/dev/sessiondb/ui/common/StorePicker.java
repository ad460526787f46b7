package dev.sessiondb.ui.common;

import dev.sessiondb.model.SecretMasker;
import java.util.Objects;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * A store field: type a locator or pick a known store, or browse for a file; the text is the ViewModel's. A password typed
 * in a URL ({@code postgresql://user:pw@host/db}) shows masked ({@code user:****@}) once the field loses the focus, as
 * everywhere else the window shows a store; the ViewModel keeps the real text, and the field shows it again for editing.
 */
public final class StorePicker extends HBox {

    private final ComboBox<String> choice;
    private final StringProperty text;
    /** Set while the field's text is replaced by this picker, not typed: such a change is no edit of the ViewModel's text. */
    private boolean showing;

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
        this.text = text;
        choice.setConverter(new MaskedWhenLeft());
        show();
        choice.getEditor().textProperty().addListener((property, before, after) -> {
            if (!showing) {
                text.set(real(after));
            }
        });
        text.addListener((property, before, after) -> show());
        choice.focusedProperty().addListener((property, before, focused) -> show());
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

    /** Puts the ViewModel's text in the field, masked unless the field has the focus; only when it changed, so the caret stays. */
    private void show() {
        String shown = shown(text.get());
        if (!shown.equals(choice.getEditor().getText())) {
            showing = true;
            try {
                choice.getEditor().setText(shown);
            } finally {
                showing = false;
            }
        }
    }

    private String shown(String real) {
        String whole = Objects.requireNonNullElse(real, "");
        return choice.isFocused() ? whole : SecretMasker.maskText(null, whole);
    }

    /** The field's text as the ViewModel's: its masked text stands for the real one, never replacing it. */
    private String real(String field) {
        String real = Objects.requireNonNullElse(text.get(), "");
        return field != null && !field.equals(real) && field.equals(SecretMasker.maskText(null, real)) ? real : field;
    }

    /**
     * The combo box puts the field's text into its value when the field loses the focus, and its value back into the field:
     * the value is shown as the field shows the text.
     */
    private final class MaskedWhenLeft extends StringConverter<String> {

        @Override
        public String toString(String value) {
            return value == null ? "" : shown(value);
        }

        @Override
        public String fromString(String field) {
            return real(field);
        }
    }

    /** What Enter in the field does (add the store typed, say), besides taking the text. */
    public void onEnter(Runnable action) {
        choice.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                action.run();
            }
        });
    }
}
