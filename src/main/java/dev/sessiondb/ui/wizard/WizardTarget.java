package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.StoreField;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The store a job wizard writes to: a {@link StoreField} whose Browse asks for a file to write, and what to do with a
 * target that already holds sessions. The migrate and consolidate wizards share it, so their targets behave alike.
 */
public final class WizardTarget extends StoreField {

    private final ObjectProperty<TargetMode> mode = new SimpleObjectProperty<>(TargetMode.NEW);

    /** @param job what the wizard does, as the file chooser's title starts: "Migrate", "Consolidate" */
    public WizardTarget(DialogService dialogs, String job) {
        super("Target", () -> dialogs.chooseFileToSave(job + " into (.db for SQLite, .json for a JSON file)", "sessions.db"));
    }

    /** What to do with a target that already holds sessions. */
    public ObjectProperty<TargetMode> modeProperty() {
        return mode;
    }
}
