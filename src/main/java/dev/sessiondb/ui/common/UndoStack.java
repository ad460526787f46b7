package dev.sessiondb.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs commands in the background and keeps the done ones, so Ctrl+Z takes back the last.
 * After a command or its undo has run, the listener hears about it (to refresh the views).
 */
public final class UndoStack {

    private static final int LIMIT = 50;

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Deque<UndoableCommand> done = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper("");
    /** What to do once a recorded command is undone; keyed by the command, which a History row's equals. */
    private final Map<UndoableCommand, Runnable> onUndone = new HashMap<>();
    private Consumer<UndoableCommand> changed = command -> { };

    public UndoStack(TaskExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
    }

    public void onChange(Consumer<UndoableCommand> listener) {
        changed = listener;
    }

    /** What Ctrl+Z would undo, or empty when there is nothing. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    /**
     * Another store was opened: forgets the commands that belong to the store that was open (its
     * edits would write to a closed store), and keeps the jobs run here, which name their own store.
     */
    public void storeSwitched() {
        done.removeIf(UndoableCommand::scopedToOpenStore);
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
    }

    /**
     * Puts {@code storeHistory} (the open store's undoable jobs, oldest first) under what is on the
     * stack: the jobs run in this window and any edit made since the store opened are the latest steps.
     */
    public void addStoreHistory(List<? extends UndoableCommand> storeHistory) {
        List<UndoableCommand> latest = new ArrayList<>(done);
        Collections.reverse(latest);
        done.clear();
        storeHistory.stream().filter(command -> !latest.contains(command)).forEach(this::remember);
        latest.forEach(this::remember);
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
    }

    public void run(UndoableCommand command) {
        run(command, failure -> dialogs.showError("Could not " + command.description(), failure.getMessage()));
    }

    /** Runs the command; a failure goes to {@code onFailure} (on the UI thread) instead of an error dialog. */
    public void run(UndoableCommand command, Consumer<Exception> onFailure) {
        executor.execute(BackgroundTask.of(command.description(), monitor -> {
            command.execute();
            return command;
        }).onSuccess(ran -> {
            remember(ran);
            finished(ran, capitalize(ran.description()) + ": done (Ctrl+Z undoes it)");
        }).onFailure(onFailure));
    }

    /**
     * Keeps a command that already ran elsewhere (a job run with its own progress), so Ctrl+Z takes
     * it back; {@code whenUndone} runs once it is undone, from here or from the History view, so the
     * page that reported the job stops saying it is in place.
     */
    public void record(UndoableCommand done, Runnable whenUndone) {
        remember(done);
        onUndone.put(done, whenUndone);
        undoDescription.set(done.description());
    }

    public void undo() {
        if (done.isEmpty()) {
            dialogs.notify("Nothing to undo");
            return;
        }
        undo(done.peek());
    }

    /**
     * Undoes one command, the last or another chosen from the history, once the user confirms
     * when it asks to; it leaves the stack whichever place it had.
     */
    public void undo(UndoableCommand command) {
        if (command.confirmation().isPresent() && !dialogs.confirm("Undo " + command.description(), command.confirmation().get(), "Undo")) {
            return;
        }
        boolean wasDone = done.remove(command);
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
        executor.execute(BackgroundTask.of("Undo " + command.description(), monitor -> {
            command.undo();
            return command;
        }).onSuccess(undone -> {
            Optional.ofNullable(onUndone.remove(undone)).ifPresent(Runnable::run);
            finished(undone, "Undone: " + undone.description());
        })
                .onFailure(failure -> {
                    if (wasDone) {
                        done.push(command);
                    }
                    dialogs.showError("Could not undo " + command.description(), failure.getMessage());
                }));
    }

    private void remember(UndoableCommand command) {
        done.push(command);
        if (done.size() > LIMIT) {
            done.removeLast();
        }
    }

    private void finished(UndoableCommand command, String message) {
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
        dialogs.notify(message);
        changed.accept(command);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
