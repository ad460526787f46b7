package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import dev.sessiondb.ui.common.StoreNames;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The store a job wizard writes to: its text as typed (the password kept), the text as the pages show it, what to do with
 * a target that already holds sessions, and Browse. The migrate and consolidate wizards share it, so their targets behave alike.
 */
public final class WizardTarget {

    private final StringProperty text = new SimpleStringProperty("");
    private final StringBinding shown = StoreNames.shown(text);
    private final ObjectProperty<TargetMode> mode = new SimpleObjectProperty<>(TargetMode.NEW);
    private final DialogService dialogs;
    private final String browseTitle;

    /** @param job what the wizard does, as the file chooser's title starts: "Migrate", "Consolidate" */
    public WizardTarget(DialogService dialogs, String job) {
        this.dialogs = dialogs;
        this.browseTitle = job + " into (.db for SQLite, .json for a JSON file)";
    }

    /** The target as typed or picked: a path or a locator. */
    public StringProperty textProperty() {
        return text;
    }

    /** The target as the pages show it ("Writes to: ..."), its password masked. */
    public StringBinding shown() {
        return shown;
    }

    /** What to do with a target that already holds sessions. */
    public ObjectProperty<TargetMode> modeProperty() {
        return mode;
    }

    /** Asks for a file to write to; a chosen one becomes the target, a cancelled choice leaves it. */
    public void browse() {
        dialogs.chooseFileToSave(browseTitle, "sessions.db").ifPresent(file -> text.set(file.toString()));
    }

    /** The target as a store to resolve, named so for a message about it. */
    public Choice choice() {
        return new Choice("Target", text.get());
    }
}
