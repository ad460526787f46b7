import dev.sessiondb.ui.common.DialogService;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Dialog;

/**
 * The user's side of the dialogs: the file chooser picks the bench's store; an error is kept
 * (the bench stops with it) instead of waiting behind a modal alert; the rest is the app's own.
 */
final class UserAnswers implements DialogService {

    private final DialogService app;
    private final Path store;
    volatile String error;

    UserAnswers(DialogService app, Path store) {
        this.app = app;
        this.store = store;
    }

    @Override
    public void showError(String title, String message) {
        error = title + ": " + message;
    }

    @Override
    public void notify(String message) {
        app.notify(message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return app.confirm(title, message, confirmLabel);
    }

    @Override
    public Optional<Path> chooseStoreFile() {
        return Optional.of(store);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        return app.chooseDirectory(title);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        return app.chooseFileToSave(title, suggestedName);
    }

    @Override
    public Optional<String> askText(String title, String label, String initialValue) {
        return app.askText(title, label, initialValue);
    }

    @Override
    public Optional<String> askPassword(String title, String label) {
        return app.askPassword(title, label);
    }

    @Override
    public <R> Optional<R> showCustomDialog(Dialog<R> dialog) {
        return app.showCustomDialog(dialog);
    }
}
