package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.ui.common.Controls;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** A wizard's "Existing target" choice: New, Replace or Merge, one button each, bound to its ViewModel's mode. */
public final class TargetModeChoice extends VBox {

    /**
     * @param id    prefix of the buttons' ids: {@code id-new}, {@code id-replace}, {@code id-merge}
     * @param words the wizard's words for each mode
     */
    public TargetModeChoice(String id, ObjectProperty<TargetMode> mode, TargetModeWords words) {
        super(6);
        ToggleGroup modes = new ToggleGroup();
        for (TargetMode each : TargetMode.values()) {
            RadioButton button = Controls.asWritten(new RadioButton(words.describe(each)));
            button.setId(id + "-" + each);
            button.setAccessibleText(button.getText());
            button.setWrapText(true); // a long choice wraps instead of ending in "…"
            button.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.setToggleGroup(modes);
            button.setUserData(each);
            button.setSelected(each == mode.get());
            getChildren().add(button);
        }
        modes.selectedToggleProperty().addListener((property, before, after) -> mode.set((TargetMode) after.getUserData()));
    }
}
