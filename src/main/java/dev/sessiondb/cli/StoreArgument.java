package dev.sessiondb.cli;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.StoreSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Turns a STORE argument into an open store; without one, the store the environment selects. */
final class StoreArgument {

    private StoreArgument() {
    }

    static StoreLocator locate(String argument) {
        return argument == null ? StoreSelection.ofSystem().select().locator() : StoreLocator.parse(argument);
    }

    /** Opens an existing store for reading; nothing is created or changed. */
    static SessionStore openExisting(String argument) {
        return StoreFactory.open(locateExisting(argument), OpenMode.EXISTING);
    }

    /** Opens an existing store that the command reads every record of: a JSON file is checked by that read (StoreFactory.openToReadThrough). */
    static SessionStore openToReadThrough(String argument) {
        return StoreFactory.openToReadThrough(locateExisting(argument));
    }

    /**
     * The store named, or the one the environment selects when it is there: a missing one is refused saying it was not
     * named but chosen, and by what; "sessions.db: no such file" alone left a user wondering where that file came from.
     */
    private static StoreLocator locateExisting(String argument) {
        if (argument != null) {
            return StoreLocator.parse(argument);
        }
        StoreSelection.Selected selected = StoreSelection.ofSystem().select();
        Optional<Path> missing = selected.locator().localPath().filter(path -> !Files.exists(path));
        if (missing.isPresent()) {
            throw new StoreException("no store was named, so " + selected.locator().display() + " was used (" + selected.reason()
                    + "), and there is no such file; name the store after the command (json:PATH, sqlite:PATH, jsondir:PATH or"
                    + " postgresql://user@host/db) or set " + StoreSelection.EXPLICIT_VARIABLE + "; sessiondb discover finds the stores on this machine");
        }
        return selected.locator();
    }
}
