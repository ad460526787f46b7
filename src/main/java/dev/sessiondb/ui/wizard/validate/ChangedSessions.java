package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.repair.RepairedSession;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sessions the applied repair changed, as its report lists them, for the Apply page: the counts alone left the user no
 * way to the sessions. Showing one puts it in the detail pane, as a finding's session shows; a session no longer in the
 * store (deleted or renamed since) says so instead of showing nothing.
 */
final class ChangedSessions {

    private final ObservableList<RepairedSession> sessions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper("");
    private final TaskExecutor executor;
    private final CurrentStore current;
    private final ValidatedStore validated;
    /** The run whose sessions are listed; null while none are. */
    private String listedRun;

    ChangedSessions(TaskExecutor executor, CurrentStore current, ValidatedStore validated) {
        this.executor = executor;
        this.current = current;
        this.validated = validated;
    }

    ObservableList<RepairedSession> sessions() {
        return sessions;
    }

    /** "Sessions changed (58): …", saying when the report lists only the first of them; empty while none are listed. */
    ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** What showing the last session chosen met (no longer in the store, a masked key), or empty. */
    ReadOnlyStringProperty saidProperty() {
        return said.getReadOnlyProperty();
    }

    /** Lists the sessions the repair of {@code report} changed. */
    void listed(JobReport report) {
        listedRun = report.runId();
        sessions.setAll(RepairedSession.of(report));
        long all = RepairedSession.count(report);
        said.set("");
        heading.set(sessions.isEmpty() ? "" : String.format("Sessions changed (%,d%s): Enter or a double-click shows one in the session pane.", all,
                all > sessions.size() ? String.format(", the first %,d listed", sessions.size()) : ""));
    }

    /** The repair of {@code runId} was undone: the sessions it changed are as before, if they are still listed. */
    void undone(String runId) {
        if (runId.equals(listedRun)) {
            clear();
        }
    }

    /** Another repair is under way, or the page shows none. */
    void clear() {
        listedRun = null;
        sessions.clear();
        heading.set("");
        said.set("");
    }

    /** Shows {@code session} in the detail pane, once read from the open store; says why not where it cannot. */
    void show(RepairedSession session) {
        said.set("");
        if (session.keyMasked()) {
            said.set("Session " + session.session() + " is named masked, as its key holds a secret: find it with the sessions table's search.");
            return;
        }
        if (!validated.validatedIsOpen()) {
            validated.showSession(session.session());
            return;
        }
        SessionStore store = current.store();
        String key = session.session();
        executor.execute(BackgroundTask.of("Read " + key, monitor -> store.get(key)).onSuccess(found -> {
            if (found.isPresent()) {
                current.selectedKeyProperty().set(key);
            } else {
                said.set("Session " + key + " is no longer in " + StoreNames.shortName(store.locator())
                        + ": it was deleted or renamed after the repair. Validate again to see the store as it is now.");
            }
        }).onFailure(failure -> said.set("Session " + key + " could not be read: " + FailureText.describe(failure))));
    }
}
