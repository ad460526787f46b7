package dev.sessiondb.ui.stores;

import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.store.selection.StoreSelection;
import dev.sessiondb.store.selection.StoreSelection.Selected;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which store the app opens as it starts: the one {@code SESSIONDB_STORE} names for this run,
 * else the store open last, else, for a user who has opened nothing yet, the store they have
 * (Minsky's when one is found, else the embedded SQLite store, made ready by {@code defaultStore});
 * and the demo stores it offers.
 *
 * @param explicitChoice the store {@code SESSIONDB_STORE} names, as the CLI takes it ({@link StoreSelection#explicitChoice})
 */
public record FirstRun(Supplier<Optional<Selected>> explicitChoice, Supplier<StoreLocator> defaultStore, DemoStores demo) {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRun.class);

    /** This machine's stores and the demo under the app's data folder. */
    public static FirstRun ofSystem(MinskyPaths paths) {
        StoreSelection selection = new StoreSelection(paths, Path.of("").toAbsolutePath());
        return new FirstRun(selection::explicitChoice, () -> defaultStore(selection, paths),
                new DemoStores(paths.appDataDir().resolve("demo")));
    }

    /** The store to open at start; reads the environment and may make the embedded store, so not on the FX thread. */
    public Selected storeToOpen(Optional<StoreLocator> last) {
        Selected chosen = explicitChoice.get()
                .or(() -> last.map(locator -> new Selected(locator, "the store open last")))
                .orElseGet(() -> new Selected(defaultStore.get(), "the default store"));
        LOG.info("Opening {} at start ({})", chosen.locator().withoutPassword().display(), chosen.reason());
        return chosen;
    }

    /** Minsky's store when one is found, else the embedded SQLite store, made on its first use. */
    private static StoreLocator defaultStore(StoreSelection selection, MinskyPaths paths) {
        Selected selected = selection.select();
        LOG.info("Default store {} ({})", selected.locator().display(), selected.reason());
        if (selected.locator().equals(StoreLocator.parse(paths.embeddedStore().toString()))) {
            StoreFactory.open(selected.locator(), OpenMode.CREATE_IF_MISSING).close();
        }
        return selected.locator();
    }
}
