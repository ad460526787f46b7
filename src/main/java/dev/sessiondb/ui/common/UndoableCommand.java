package dev.sessiondb.ui.common;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.util.Optional;

/** A user action that can be taken back (Scene Builder's job objects): it says what it does, does it, and undoes it. */
public interface UndoableCommand {

    /** Shown as "Undo <description>". */
    String description();

    void execute();

    void undo();

    /** Undoes, reporting progress and learning of a cancel through {@code progress} where the undo can; a quick edit ignores it. */
    default void undo(ProgressMonitor progress) {
        undo();
    }

    /** Whether it is forgotten when another store is opened: an edit writes to the store that was open when it was made. */
    default boolean scopedToOpenStore() {
        return true;
    }

    /**
     * The store its execute and undo replace whole (a job's backup put back): the window lets go of it meanwhile when it
     * shows it, as a SQLite restore refuses while any other connection is open. None for an edit, made through the open store.
     */
    default Optional<StoreLocator> replacesStore() {
        return Optional.empty();
    }

    /**
     * The store its undo writes: the one it replaces whole, or the store an edit was made on. Plans over another store still
     * hold once the undo has ended.
     */
    default Optional<StoreLocator> storeUndoWrites() {
        return replacesStore();
    }

    /** What its last undo did to a store, when that says more than "undone" (a job's store removed, not restored). */
    default Optional<String> whatUndoDid() {
        return Optional.empty();
    }

    /** How its last undo can itself be taken back, naming the backup of the state it replaced; none for a change made through the open store. */
    default Optional<String> howToTakeUndoBack() {
        return Optional.empty();
    }

    /** Whether its last undo removed the store it replaced: the job had made it, so there was none before. */
    default boolean undoRemovedStore() {
        return false;
    }

    /**
     * A question to confirm before undoing (a job from the history, a store changed after the job); none for a change
     * made just now. Asked off the UI thread: it may look at the store and the job history.
     */
    default Optional<String> confirmation() {
        return Optional.empty();
    }
}
