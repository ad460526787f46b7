package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.DialogService;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** What {@link Credentials} completes a locator to, its login probe run on the calling thread. */
final class CompletedNow {

    private CompletedNow() {
    }

    static Optional<StoreLocator> of(Credentials credentials, StoreLocator given, DialogService dialogs) {
        AtomicReference<Optional<StoreLocator>> completed = new AtomicReference<>();
        credentials.complete(given, dialogs, new CurrentThreadTaskExecutor(), completed::set);
        if (completed.get() == null) {
            throw new AssertionError("the locator was not completed on the calling thread");
        }
        return completed.get();
    }
}
