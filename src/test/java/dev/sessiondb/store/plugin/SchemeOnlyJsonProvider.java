package dev.sessiondb.store.plugin;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.file.FileStoreProvider;
import dev.sessiondb.store.json.JsonFileStore;
import java.nio.file.Path;

/** A test backend of JSON files underneath its own scheme: only the scheme selects it, no file is taken for one by its content or name. */
abstract class SchemeOnlyJsonProvider extends FileStoreProvider {

    @Override
    public boolean recognises(Path existing) {
        return false;
    }

    @Override
    public boolean claimsNewPath(Path absent) {
        return false;
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        return JsonFileStore.open(locator, mode);
    }
}
