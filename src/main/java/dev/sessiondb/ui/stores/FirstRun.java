package dev.sessiondb.ui.stores;

import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.StoreLocator;
import java.util.function.Supplier;

/**
 * What the app does for a user who has opened nothing yet: opens the store they have (Minsky's
 * when one is found, else the embedded SQLite store, made ready by {@code defaultStore}), and
 * offers the demo stores.
 */
public record FirstRun(Supplier<StoreLocator> defaultStore, DemoStores demo) {
}
