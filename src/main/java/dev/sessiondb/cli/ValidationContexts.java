package dev.sessiondb.cli;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.validation.ValidationContext;
import java.nio.file.Path;
import java.util.List;

/** The validation context of an open store, shared by {@code validate} and {@code repair}. */
final class ValidationContexts {

    private ValidationContexts() {
    }

    /**
     * Without {@code --workspaces}, a Minsky file store's own directory is its state directory;
     * relative repoPaths resolve against the store's directory.
     */
    static ValidationContext of(SessionStore store, List<Path> workspaces) {
        Path storeDir = store.locator().format() == StoreFormat.POSTGRESQL ? null : store.locator().path().toAbsolutePath().getParent();
        Path base = storeDir == null ? Path.of("").toAbsolutePath() : storeDir;
        List<Path> roots = !workspaces.isEmpty() || storeDir == null || store.locator().format() == StoreFormat.JSONDIR ? workspaces : List.of(storeDir);
        return new ValidationContext(store.locator(), store.info(), roots, base);
    }
}
