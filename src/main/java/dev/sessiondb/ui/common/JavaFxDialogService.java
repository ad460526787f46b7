package dev.sessiondb.ui.common;

import dev.sessiondb.model.SecretMasker;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX alerts and the platform's file choosers, owned by the main window. */
public final class JavaFxDialogService implements DialogService {

    private final Window owner;
    private final Consumer<String> statusLine;

    public JavaFxDialogService(Window owner, Consumer<String> statusLine) {
        this.owner = owner;
        this.statusLine = statusLine;
    }

    @Override
    public void showError(String title, String message) {
        // the last line of defence: a driver's message may quote a URL with its password
        Alert alert = new Alert(Alert.AlertType.ERROR, SecretMasker.maskText(null, message), ButtonType.OK);
        alert.setHeaderText(SecretMasker.maskText(null, title));
        show(alert);
    }

    @Override
    public void notify(String message) {
        statusLine.accept(SecretMasker.maskText(null, message));
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, ButtonType.CANCEL);
        alert.setHeaderText(title);
        return show(alert).filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseStoreFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a session store");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Session stores (JSON, SQLite)", "*.json", "*.db", "*.sqlite", "*.sqlite3"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<String> askText(String title, String label, String initialValue) {
        TextInputDialog dialog = new TextInputDialog(initialValue);
        dialog.setHeaderText(title);
        dialog.setContentText(label);
        dialog.getEditor().setAccessibleText(label);
        return show(dialog).map(String::strip).filter(text -> !text.isEmpty());
    }

    @Override
    public Optional<String> askPassword(String title, String label) {
        PasswordField field = new PasswordField();
        field.setPromptText(label);
        field.setAccessibleText(label);
        Dialog<String> dialog = new Dialog<>();
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText() : null);
        dialog.setOnShown(event -> field.requestFocus());
        return show(dialog);
    }

    @Override
    public <R> Optional<R> showCustomDialog(Dialog<R> dialog) {
        return show(dialog);
    }

    private <R> Optional<R> show(Dialog<R> dialog) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }
}
