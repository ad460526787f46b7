package dev.sessiondb.ui;

import dev.sessiondb.ui.common.DialogService;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Dialog;

/**
 * Answers the app's questions from a script, in order, and records what it was told: tests
 * drive file choosers, prompts and confirmations without native windows. The app asks and tells on the FX thread while a
 * test scripts and reads from its own, so each record is safe to read from either.
 */
public final class ScriptedDialogService implements DialogService {

    private final Deque<Object> answers = new ConcurrentLinkedDeque<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private final List<String> confirmations = new CopyOnWriteArrayList<>();
    private final List<String> passwordPrompts = new CopyOnWriteArrayList<>();
    private final List<String> suggestedFileNames = new CopyOnWriteArrayList<>();

    /**
     * The next question gets this answer (a Path, a String, a Boolean, or null for "cancelled"); a confirmation may be
     * answered by a {@link BooleanSupplier}, run while the question is open, to look at the window then.
     */
    public ScriptedDialogService answer(Object answer) {
        answers.addLast(answer == null ? Cancelled.INSTANCE : answer);
        return this;
    }

    public List<String> errors() {
        return errors;
    }

    public List<String> notifications() {
        return notifications;
    }

    /** The confirmations asked for, each as "title: message". */
    public List<String> confirmations() {
        return confirmations;
    }

    /** The titles of the password prompts shown, in order. */
    public List<String> passwordPrompts() {
        return passwordPrompts;
    }

    /** The file names the save dialogs offered, in order. */
    public List<String> suggestedFileNames() {
        return suggestedFileNames;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void notify(String message) {
        notifications.add(message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(title + ": " + message);
        if (answers.peekFirst() instanceof BooleanSupplier whileAsked) {
            answers.removeFirst();
            return whileAsked.getAsBoolean();
        }
        return next(Boolean.class).orElse(false);
    }

    @Override
    public Optional<Path> chooseStoreFile() {
        return next(Path.class);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        return next(Path.class);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        suggestedFileNames.add(suggestedName);
        return next(Path.class);
    }

    @Override
    public Optional<String> askText(String title, String label, String initialValue) {
        return next(String.class);
    }

    @Override
    public Optional<String> askPassword(String title, String label) {
        passwordPrompts.add(title);
        return next(String.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Optional<R> showCustomDialog(Dialog<R> dialog) {
        return (Optional<R>) next(Object.class);
    }

    private <T> Optional<T> next(Class<T> type) {
        if (answers.isEmpty()) {
            throw new AssertionError("the app asked a question the test did not script an answer for");
        }
        Object answer = answers.removeFirst();
        return answer == Cancelled.INSTANCE ? Optional.empty() : Optional.of(type.cast(answer));
    }

    private enum Cancelled { INSTANCE }
}
