package dev.sessiondb.ui.stores;

import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.store.selection.StoreSelection;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app does for a user who has opened nothing yet: opens the store they have (Minsky's
 * when one is found, else the embedded SQLite store, made ready by {@code defaultStore}), and
 * offers the demo stores.
 */
public record FirstRun(Supplier<StoreLocator> defaultStore, DemoStores demo) {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRun.class);

    /** This machine's default store and the demo under the app's data folder. */
    public static FirstRun ofSystem(MinskyPaths paths) {
        return new FirstRun(() -> defaultStore(paths), new DemoStores(paths.appDataDir().resolve("demo")));
    }

    /** Minsky's store when one is found, else the embedded SQLite store, made on its first use. */
    private static StoreLocator defaultStore(MinskyPaths paths) {
        StoreSelection.Selected selected = new StoreSelection(paths, Path.of("").toAbsolutePath()).select();
        LOG.info("Default store {} ({})", selected.locator().display(), selected.reason());
        if (selected.locator().equals(StoreLocator.parse(paths.embeddedStore().toString()))) {
            StoreFactory.open(selected.locator(), OpenMode.CREATE_IF_MISSING).close();
        }
        return selected.locator();
    }
}
