package dev.sessiondb.ui.sessions;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.TaskExecutor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * Notices that the open store was changed by someone else (Minsky, another app window): its
 * fingerprint is taken when the store is shown or reloaded, and compared again in the background
 * every few seconds and when the window gets the focus. The app's own edits reload the views and
 * so take a new fingerprint.
 */
public final class ExternalChangesViewModel {

    static final Duration POLL_INTERVAL = Duration.seconds(5);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final CurrentStore current;
    private final TaskExecutor executor;
    private SessionStore watched;
    private StoreFingerprint baseline;
    private boolean checking;
    private Timeline polling;

    public ExternalChangesViewModel(CurrentStore current, TaskExecutor executor) {
        this.current = current;
        this.executor = executor;
        current.storeProperty().addListener((property, before, after) -> takeBaseline());
        current.revisionProperty().addListener((property, before, after) -> takeBaseline());
    }

    /** What changed outside, for the bar above the sessions; empty while nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Looks at the store again (in the background); when it differs from what is shown, says so. */
    public void check() {
        SessionStore store = current.store();
        StoreFingerprint expected = baseline;
        if (store == null || store != watched || expected == null || checking) {
            return;
        }
        checking = true;
        executor.execute(BackgroundTask.of("Look for changes in " + store.locator().display(), monitor -> store.fingerprint())
                .onSuccess(seen -> {
                    checking = false;
                    if (store == watched && expected == baseline && !seen.equals(expected)) {
                        message.set(store.locator().display() + " was changed by another program since it was loaded.");
                    }
                })
                .onFailure(failure -> checking = false));
    }

    /** Shows the store as it is now: every view reads it again. */
    public void reload() {
        current.changed();
    }

    /** Checks every few seconds while the window is open. */
    public void startPolling() {
        if (polling == null) {
            polling = new Timeline(new KeyFrame(POLL_INTERVAL, event -> check()));
            polling.setCycleCount(Timeline.INDEFINITE);
            polling.play();
        }
    }

    public void stopPolling() {
        if (polling != null) {
            polling.stop();
            polling = null;
        }
    }

    private void takeBaseline() {
        message.set("");
        SessionStore store = current.store();
        watched = store;
        baseline = null;
        if (store == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Look at " + store.locator().display(), monitor -> store.fingerprint())
                .onSuccess(seen -> {
                    if (store == watched) {
                        baseline = seen;
                    }
                }));
    }
}
