package dev.sessiondb.cli;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.StoreSelection;

/** Turns a STORE argument into an open store; without one, the store the environment selects. */
final class StoreArgument {

    private StoreArgument() {
    }

    static StoreLocator locate(String argument) {
        return argument == null ? StoreSelection.ofSystem().select().locator() : StoreLocator.parse(argument);
    }

    /** Opens an existing store for reading; nothing is created or changed. */
    static SessionStore openExisting(String argument) {
        return StoreFactory.open(locate(argument), OpenMode.EXISTING);
    }

    /** Opens an existing store that the command reads every record of: a JSON file is checked by that read (StoreFactory.openToReadThrough). */
    static SessionStore openToReadThrough(String argument) {
        return StoreFactory.openToReadThrough(locate(argument));
    }
}
