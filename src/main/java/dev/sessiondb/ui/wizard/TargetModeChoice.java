package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.ui.common.Controls;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A wizard's "Existing target" choice: New, Replace or Merge, one button each, showing its target's mode (which follows what
 * the target holds until the user picks one), and below them why the mode picked cannot run there, when it cannot.
 */
public final class TargetModeChoice extends VBox {

    /**
     * @param id    prefix of the ids: the buttons {@code id-new}, {@code id-replace}, {@code id-merge}; the refusal {@code id-refusal}
     * @param words the wizard's words for each mode
     */
    public TargetModeChoice(String id, WizardTarget target, TargetModeWords words) {
        super(6);
        ToggleGroup modes = new ToggleGroup();
        for (TargetMode each : TargetMode.values()) {
            RadioButton button = Controls.asWritten(new RadioButton(words.describe(each)));
            button.setId(id + "-" + each);
            button.setAccessibleText(button.getText());
            button.setWrapText(true); // a long choice wraps instead of ending in "…"
            button.setMinHeight(Region.USE_PREF_SIZE);
            button.setToggleGroup(modes);
            button.setUserData(each);
            getChildren().add(button);
        }
        select(modes, target.modeProperty().get());
        // a pick by click, Space or the arrow keys (which select without an action) is the user's choice; the mode set to
        // follow what the target holds is only shown, so its selection is no choice
        modes.selectedToggleProperty().addListener((property, before, after) -> {
            if (after != null && after.getUserData() != target.modeProperty().get()) {
                target.choose((TargetMode) after.getUserData());
            }
        });
        target.modeProperty().addListener((property, before, after) -> select(modes, after));
        Label refusal = Controls.styled(new Label(), "danger");
        refusal.setId(id + "-refusal");
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.textProperty().bind(target.modeRefusalProperty());
        refusal.accessibleTextProperty().bind(refusal.textProperty());
        refusal.visibleProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        getChildren().add(refusal);
    }

    private static void select(ToggleGroup modes, TargetMode mode) {
        modes.getToggles().stream().filter(toggle -> toggle.getUserData() == mode).findFirst().ifPresent(toggle -> modes.selectToggle(toggle));
    }
}
