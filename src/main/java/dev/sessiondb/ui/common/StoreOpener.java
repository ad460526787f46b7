package dev.sessiondb.ui.common;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;

/** Opens a store for the app: the engine's StoreFactory in the app, anything in tests. */
@FunctionalInterface
public interface StoreOpener {

    SessionStore open(StoreLocator locator);
}
