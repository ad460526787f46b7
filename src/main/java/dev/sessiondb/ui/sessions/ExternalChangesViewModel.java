package dev.sessiondb.ui.sessions;

import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.TaskExecutor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * Notices that the open store was changed by someone else (Minsky, another app window): a watch
 * ({@link SessionStore#watchChanges}) begins when the store is shown or reloaded, and is asked in the
 * background every few seconds and when the window gets the focus, until it sees a change. The app's
 * own edits reload the views and so begin a new watch.
 */
public final class ExternalChangesViewModel {

    static final Duration POLL_INTERVAL = Duration.seconds(5);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final CurrentStore current;
    private final TaskExecutor executor;
    private SessionStore watched;
    private ChangeWatch watch;
    private boolean checking;
    private Timeline polling;
    private BiConsumer<StoreLocator, Long> counted = (store, sessions) -> { };

    public ExternalChangesViewModel(CurrentStore current, TaskExecutor executor) {
        this.current = current;
        this.executor = executor;
        current.storeProperty().addListener((property, before, after) -> startWatching());
        current.revisionProperty().addListener((property, before, after) -> startWatching());
    }

    /** What changed outside, for the bar above the sessions; empty while nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Told the open store's count of sessions when a check sees another program change it, so labels can say it as it is
     * now; the sessions view tells them the count it reads at each open and reload.
     */
    public void whenCounted(BiConsumer<StoreLocator, Long> counted) {
        this.counted = counted;
    }

    /** Looks at the store again (in the background); when it differs from what is shown, says so. */
    public void check() {
        SessionStore store = current.store();
        ChangeWatch asked = watch;
        // once a change is said, nothing more is to say until a reload
        if (store == null || store != watched || asked == null || checking || !message.get().isEmpty()) {
            return;
        }
        checking = true;
        executor.execute(BackgroundTask.of("Look for changes in " + store.locator().display(),
                        monitor -> asked.changed() ? Optional.of(countNow(store)) : Optional.<OptionalLong>empty())
                .onSuccess(change -> {
                    checking = false;
                    if (store == watched && asked == watch && change.isPresent()) {
                        change.get().ifPresent(count -> counted.accept(store.locator(), count));
                        message.set(store.locator().display() + " was changed by another program since it was loaded.");
                    }
                })
                .onFailure(failure -> checking = false));
    }

    /** Empty when the store does not read now (another program midway through writing a file): the change is said all the same, and a reload tells what it holds. */
    private static OptionalLong countNow(SessionStore store) {
        try {
            return OptionalLong.of(store.count());
        } catch (StoreException unreadable) {
            return OptionalLong.empty();
        }
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

    private void startWatching() {
        message.set("");
        SessionStore store = current.store();
        watched = store;
        watch = null;
        if (store == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Look at " + store.locator().display(), monitor -> store.watchChanges())
                .onSuccess(seen -> {
                    if (store == watched) {
                        watch = seen;
                    }
                }));
    }
}
