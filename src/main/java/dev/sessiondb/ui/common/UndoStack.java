package dev.sessiondb.ui.common;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.stores.Credentials;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final Map<UndoableCommand, Consumer<UndoableCommand>> onUndone = new HashMap<>();
    /** Commands whose undo is under way: its question looked up and answered, then the undo run. */
    private final Set<UndoableCommand> undoing = new HashSet<>();
    /** The open store's undoable jobs as the history last gave them. */
    private final Set<UndoableCommand> fromStoreHistory = new HashSet<>();
    /** An undo confirmed and running: the window starts no other undo meanwhile, as two could put back the same store. */
    private final ReadOnlyBooleanWrapper undoRunning = new ReadOnlyBooleanWrapper(false);
    /** Why no job starts meanwhile, naming the undo; empty while none runs. */
    private final ReadOnlyStringWrapper jobsWait = new ReadOnlyStringWrapper("");
    /** The jobs-panel titles of the jobs writing stores now, oldest first: no undo starts while one runs. */
    private final List<String> jobsWriting = new ArrayList<>();
    /** Why no undo starts meanwhile, naming the jobs writing; empty while none runs. */
    private final ReadOnlyStringWrapper undoWait = new ReadOnlyStringWrapper("");
    /** Why the job history cannot record an undo (its catalog read-only), as History says above its list; empty while it can. */
    private final ReadOnlyStringWrapper catalogReadOnly = new ReadOnlyStringWrapper("");
    private Consumer<UndoableCommand> changed = command -> { };
    /** Told, as each undo ends having written, the store it put back (empty when its command does not say). */
    private final List<Consumer<Optional<StoreLocator>>> undoEndedListeners = new ArrayList<>();
    /** The store the window shows, which lets go of its connections while a command replaces it whole. */
    private CurrentStore shown = new CurrentStore();
    /** Tells whether the store can be opened (its password known, asked for if need be) to what it is given, on the UI thread. */
    private BiConsumer<StoreLocator, Consumer<Boolean>> readyToOpen = (store, then) -> then.accept(true);

    public UndoStack(TaskExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /**
     * Asks for a store's password before undoing a command that replaces it, when this run does not know it yet (the
     * same prompt a plan uses); a prompt cancelled leaves the command on the stack. Whether the server wants a password is
     * found out in the background: the window does not wait on a server that does not answer.
     */
    public void opensStoresWith(Credentials credentials) {
        readyToOpen = (store, then) -> credentials.complete(store, dialogs, executor, completed -> then.accept(completed.isPresent()));
    }

    public void onChange(Consumer<UndoableCommand> listener) {
        changed = listener;
    }

    public void showsStoreOf(CurrentStore current) {
        shown = current;
    }

    /** What Ctrl+Z would undo, or empty when there is nothing. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    /**
     * Tells {@code storePutBack}, each time an undo ends that may have written (done or failed, not cancelled: a cancel stops it
     * before its restore), which store it put back, on the UI thread before the Run buttons waiting for it come back; empty when
     * the undone command does not say which.
     */
    public void onUndoEnded(Consumer<Optional<StoreLocator>> storePutBack) {
        undoEndedListeners.add(storePutBack);
    }

    /** Whether a confirmed undo is running (listed in the jobs panel); the undo buttons wait for it. */
    public ReadOnlyBooleanProperty undoRunningProperty() {
        return undoRunning.getReadOnlyProperty();
    }

    /**
     * Why a job's Run waits, naming the undo running: it may be putting back a store the job would read or write (every job
     * waits, not only one naming the same locator: one store goes by several); empty while no undo runs.
     */
    public ReadOnlyStringProperty jobsWaitProperty() {
        return jobsWait.getReadOnlyProperty();
    }

    /** Whether a job must not start now (its page's Run waits; this refuses one started anyway), and if so, tells {@code tell} why. */
    public boolean refusesJobs(Consumer<String> tell) {
        if (jobsWait.get().isEmpty()) {
            return false;
        }
        tell.accept("Not started. " + jobsWait.get());
        return true;
    }

    /**
     * Why an undo waits, naming the jobs writing stores now: one may be writing the store the undo would put back (every undo
     * waits, not only one of the same locator: one store goes by several); empty while no such job runs.
     */
    public ReadOnlyStringProperty undoWaitProperty() {
        return undoWait.getReadOnlyProperty();
    }

    /**
     * Marks {@code job} as one that writes stores: from now until it ends no undo starts, and the Undo buttons say which job
     * they wait for.
     */
    public <V> BackgroundTask<V> writing(BackgroundTask<V> job) {
        jobsWriting.add(job.title());
        jobsWritingChanged();
        return job.whenEnded(() -> {
            jobsWriting.remove(job.title());
            jobsWritingChanged();
        });
    }

    private void jobsWritingChanged() {
        undoWait.set(jobsWriting.isEmpty() ? "" : (jobsWriting.size() == 1 ? "A job is running (" : "Jobs are running (")
                + String.join("; ", jobsWriting) + ", see the jobs panel) and may be writing the store an undo would put back: undo once "
                + (jobsWriting.size() == 1 ? "it has" : "they have") + " ended.");
    }

    /** Why the job history cannot record an undo now, in the window's words; empty while it can. */
    public ReadOnlyStringProperty catalogReadOnlyProperty() {
        return catalogReadOnly.getReadOnlyProperty();
    }

    /**
     * The job history was just read: {@code why} it cannot record an undo (its catalog could only be opened read-only), or
     * empty when it can. Every undo refuses meanwhile: one it cannot record could not be listed or undone again.
     */
    public void catalogRead(String why) {
        catalogReadOnly.set(why);
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
        fromStoreHistory.clear(); // a job run here stays, though the history of the store that was open listed it
        undoDescription.set(nextDescription());
    }

    /**
     * Puts {@code storeHistory} (the open store's undoable jobs, oldest first) under what is on the
     * stack: the jobs run in this window and any edit made since the store opened are the latest steps.
     * It replaces the store's history given before: a job no longer in it is no longer undoable.
     */
    public void addStoreHistory(List<? extends UndoableCommand> storeHistory) {
        // read again, the history says which of the jobs it gave before are still undoable (an undo since may have taken them out)
        done.removeIf(fromStoreHistory::contains);
        fromStoreHistory.clear();
        fromStoreHistory.addAll(storeHistory);
        List<UndoableCommand> latest = new ArrayList<>(done);
        Collections.reverse(latest);
        done.clear();
        storeHistory.stream().filter(command -> !latest.contains(command)).forEach(this::remember);
        latest.forEach(this::remember);
        undoDescription.set(nextDescription());
    }

    public void run(UndoableCommand command) {
        run(command, failure -> dialogs.showError("Could not " + command.description(), FailureText.describe(failure)));
    }

    /** Runs the command; a failure goes to {@code onFailure} (on the UI thread) instead of an error dialog. */
    public void run(UndoableCommand command, Consumer<Exception> onFailure) {
        SessionStore open = shown.store();
        executor.execute(BackgroundTask.of(command.description(), monitor -> {
            releasingReplaced(command, open, command::execute);
            return command;
        }).onSuccess(ran -> {
            remember(ran);
            finished(ran, capitalize(ran.description()) + ": done (Ctrl+Z undoes it)");
        }).onFailure(onFailure));
    }

    /**
     * Keeps a command that already ran elsewhere (a job run with its own progress), so Ctrl+Z takes
     * it back; {@code whenUndone} runs once it is undone, from here or from the History view, so the
     * page that reported the job stops saying it is in place. It is given the command undone: the History view's
     * own, equal to {@code done}, when undone from there.
     */
    public void record(UndoableCommand done, Consumer<UndoableCommand> whenUndone) {
        remember(done);
        onUndone.put(done, whenUndone);
        undoDescription.set(done.description());
    }

    public void undo() {
        UndoableCommand last = done.peekFirst();
        if (last == null) {
            dialogs.notify("Nothing to undo");
            return;
        }
        undo(last);
    }

    /**
     * Undoes one command, the last or another chosen from the history, once the user confirms
     * when it asks to; it leaves the stack whichever place it had once it is undone, and the Undo button
     * names it until then (a cancelled question or a failed undo leaves it as it was). Its question may look
     * at the store and the job history (whether the store changed after a job), so it is asked for off
     * the UI thread; meanwhile Ctrl+Z does not start its undo a second time.
     */
    public void undo(UndoableCommand command) {
        if (undoing.contains(command)) {
            return;
        }
        if (undoRunning.get()) {
            dialogs.notify("An undo is running (see the jobs panel); undo again once it has ended");
            return;
        }
        if (!undoWait.get().isEmpty()) {
            dialogs.notify("Not undone. " + undoWait.get());
            return;
        }
        if (!catalogReadOnly.get().isEmpty()) {
            dialogs.showError("Not undone: the job history cannot record it", "Nothing was changed. " + catalogReadOnly.get());
            return;
        }
        undoing.add(command);
        Optional<StoreLocator> replaced = command.replacesStore();
        if (replaced.isEmpty()) {
            askThenUndo(command);
            return;
        }
        readyToOpen.accept(replaced.get(), ready -> {
            if (ready) {
                askThenUndo(command);
            } else {
                undoing.remove(command);
                dialogs.notify("Not undone: " + command.description() + " needs the store's password");
            }
        });
    }

    /** Asks the command's question off the UI thread, then undoes it once the user confirms. */
    private void askThenUndo(UndoableCommand command) {
        executor.execute(BackgroundTask.of("Look at " + command.description(), monitor -> command.confirmation()).onSuccess(question -> {
            if (question.isEmpty() || dialogs.confirm("Undo " + command.description(), question.get(), "Undo")) {
                undoConfirmed(command);
            } else {
                undoing.remove(command);
            }
        }).onFailure(failure -> {
            undoing.remove(command);
            dialogs.showError("Could not undo " + command.description(), FailureText.describe(failure));
        }));
    }

    /**
     * Runs the undo as a job of the jobs panel, with the progress the engine reports. It may be cancelled: the engine
     * stops it with nothing changed while it backs up the store's present state, and once the restore itself has begun
     * (one atomic step) it runs to its end however it was asked to stop, so every store is left valid either way.
     */
    private void undoConfirmed(UndoableCommand command) {
        SessionStore open = shown.store();
        undoRunning.set(true);
        jobsWait.set("An undo is running (the " + command.description() + ", see the jobs panel) and may be putting back a store this job"
                + " reads or writes: run it once the undo has ended.");
        dialogs.notify("Undoing " + command.description() + " …");
        executor.execute(BackgroundTask.of("Undo " + command.description(), monitor -> {
            releasingReplaced(command, open, () -> command.undo(monitor));
            return command;
        }).showInJobs().onSuccess(undone -> {
            tellStorePutBack(command);
            undoEnded(command);
            done.remove(command);
            Optional.ofNullable(onUndone.remove(undone)).ifPresent(whenUndone -> whenUndone.accept(undone));
            finished(undone, "Undone: " + undone.description() + undone.whatUndoDid().map(what -> ". " + what).orElse("")
                    + undone.howToTakeUndoBack().map(how -> " " + how).orElse(""));
        }).onCancelled(stopped -> {
            undoEnded(command); // still on the stack: the Undo button offers it again
            dialogs.notify("Undo of the " + command.description() + " cancelled before it changed the store; nothing was restored");
        }).onFailure(failure -> {
            tellStorePutBack(command); // it may have failed once its restore had begun
            undoEnded(command); // still on the stack: the Undo button offers it again
            dialogs.showError("Could not undo " + command.description(), FailureText.describe(failure));
        }));
    }

    private void tellStorePutBack(UndoableCommand command) {
        Optional<StoreLocator> store = command.storeUndoWrites();
        undoEndedListeners.forEach(listener -> listener.accept(store));
    }

    private void undoEnded(UndoableCommand command) {
        undoing.remove(command);
        undoRunning.set(false);
        jobsWait.set("");
    }

    /** Runs {@code step}; while it replaces the store the window shows, that store holds no connection to it. */
    private static void releasingReplaced(UndoableCommand command, SessionStore open, Runnable step) {
        Optional<StoreLocator> replaced = command.replacesStore();
        if (open != null && replaced.isPresent() && StoreProbe.sameStore(open.locator(), replaced.get())) {
            open.whileReleased(step);
        } else {
            step.run();
        }
    }

    /** What Ctrl+Z would undo now: the newest command, also while its undo is under way. */
    private String nextDescription() {
        return Optional.ofNullable(done.peekFirst()).map(UndoableCommand::description).orElse("");
    }

    private void remember(UndoableCommand command) {
        done.push(command);
        if (done.size() > LIMIT) {
            done.removeLast();
        }
    }

    private void finished(UndoableCommand command, String message) {
        undoDescription.set(nextDescription());
        dialogs.notify(message);
        changed.accept(command);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
