package dev.sessiondb.ui.common;

import dev.sessiondb.job.JobRefusedException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Dialog;

/**
 * Every question the app asks the user and every message it shows, behind one interface so
 * ViewModel and TestFX tests can answer them without native windows.
 */
public interface DialogService {

    void showError(String title, String message);

    /** An export that did not write: refused (the file is a session store) or failed on the way, said so in the title. */
    default void showExportFailure(Path file, Throwable failure) {
        showError("Export to " + file + (failure instanceof JobRefusedException ? " refused" : " failed"), failure.getMessage());
    }

    /** A short message that does not interrupt (shown in the status bar). */
    void notify(String message);

    boolean confirm(String title, String message, String confirmLabel);

    /** A JSON or SQLite file to open as a store. */
    Optional<Path> chooseStoreFile();

    Optional<Path> chooseDirectory(String title);

    Optional<Path> chooseFileToSave(String title, String suggestedName);

    Optional<String> askText(String title, String label, String initialValue);

    /** A password, typed into a masked field; it is never saved. */
    Optional<String> askPassword(String title, String label);

    /** A dialog built by a view (a form); returns what the dialog's result converter gives. */
    <R> Optional<R> showCustomDialog(Dialog<R> dialog);
}
