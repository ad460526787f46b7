package dev.sessiondb.ui.common;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.repair.RepairedSession;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sessions a repair changed, as its report lists them, for the Validate wizard's Apply page and the History's repair
 * runs alike: the counts alone left the user no way to the sessions. Showing one puts it in the detail pane when the repaired
 * store is the open one; a session no longer in the store (deleted or renamed since) says so instead of showing nothing.
 */
public final class ChangedSessions {

    private final ObservableList<RepairedSession> sessions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper("");
    private final TaskExecutor executor;
    private final CurrentStore current;
    /** The run whose sessions are listed, and the store it repaired; null while none are. */
    private String listedRun;
    private StoreLocator repaired;

    public ChangedSessions(TaskExecutor executor, CurrentStore current) {
        this.executor = executor;
        this.current = current;
    }

    public ObservableList<RepairedSession> sessions() {
        return sessions;
    }

    /** The session shown last, set as it shows: a view without the detail pane beside it brings the Sessions view forward. */
    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** "Sessions changed (58): …", saying when the report lists only the first of them; empty while none are listed. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** What showing the last session chosen met (no longer in the store, a masked key), why none are listed, or empty. */
    public ReadOnlyStringProperty saidProperty() {
        return said.getReadOnlyProperty();
    }

    /**
     * Lists {@code listed}, of the {@code all} sessions run {@code runId} changed in {@code store}.
     *
     * @param undoneAt when the run was undone, in the window's words, or null while it stands
     */
    public void listed(String runId, StoreLocator store, List<RepairedSession> listed, long all, String undoneAt) {
        listedRun = runId;
        repaired = store;
        sessions.setAll(listed);
        said.set("");
        String counted = String.format("Sessions changed (%,d%s)", all, all > listed.size() ? String.format(", the first %,d listed", listed.size()) : "");
        heading.set(listed.isEmpty() ? "" : undoneAt == null ? counted + ": Enter or a double-click shows one."
                : counted + ", their changes undone at " + undoneAt + ": they are as before the repair. Enter or a double-click shows one.");
    }

    /** No sessions to list, and {@code why} (a report file missing or unreadable), in one line. */
    public void unlisted(String why) {
        clear();
        said.set(why);
    }

    /** The repair of {@code runId} was undone: the sessions it changed are as before, if they are still listed. */
    public void undone(String runId) {
        if (runId.equals(listedRun)) {
            clear();
        }
    }

    /** Another repair is under way, or the page shows none. */
    public void clear() {
        listedRun = null;
        repaired = null;
        sessions.clear();
        heading.set("");
        said.set("");
    }

    /** Shows {@code session} in the detail pane, once read from the open store; says why not where it cannot. */
    public void show(RepairedSession session) {
        said.set("");
        shown.set("");
        String key = session.session();
        if (session.keyMasked()) {
            said.set("Session " + key + " is named masked, as its key holds a secret: find it with the sessions table's search.");
            return;
        }
        if (!repairedIsOpen()) {
            said.set("Session " + key + " is in " + (repaired == null ? "the repaired store" : StoreNames.shortName(repaired))
                    + ", not the open store: open it to see the session here.");
            return;
        }
        SessionStore store = current.store();
        executor.execute(BackgroundTask.of("Read " + key, monitor -> store.get(key)).onSuccess(found -> {
            if (found.isPresent()) {
                current.selectedKeyProperty().set(key);
                shown.set(key);
            } else {
                said.set("Session " + key + " is no longer in " + StoreNames.shortName(store.locator())
                        + ": it was deleted or renamed after the repair. Validate again to see the store as it is now.");
            }
        }).onFailure(failure -> said.set("Session " + key + " could not be read: " + FailureText.describe(failure))));
    }

    private boolean repairedIsOpen() {
        return repaired != null && current.isOpen() && StoreProbe.sameStore(current.store().locator(), repaired);
    }
}
