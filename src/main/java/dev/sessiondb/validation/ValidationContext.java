package dev.sessiondb.validation;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;

/**
 * What checks may know beyond the records.
 *
 * @param locator        the store being validated
 * @param info           its format, layout and notes
 * @param workspaceRoots Minsky state directories whose workspace folders should all have records
 * @param baseDirectory  what relative {@code repoPath}s are resolved against
 */
public record ValidationContext(StoreLocator locator, StoreInfo info, List<Path> workspaceRoots, Path baseDirectory) {

    public ValidationContext {
        workspaceRoots = List.copyOf(workspaceRoots);
    }

    /**
     * The context of an open store, for {@code validate}, {@code repair} and the desktop app. Without
     * {@code workspaces}, a Minsky file store's own directory is its state directory; relative
     * repoPaths resolve against the store's directory.
     */
    public static ValidationContext of(SessionStore store, List<Path> workspaces) {
        Path storeDir = store.locator().format() == StoreFormat.POSTGRESQL ? null : store.locator().path().toAbsolutePath().getParent();
        Path base = storeDir == null ? Path.of("").toAbsolutePath() : storeDir;
        List<Path> roots = !workspaces.isEmpty() || storeDir == null || store.locator().format() == StoreFormat.JSONDIR ? workspaces : List.of(storeDir);
        return new ValidationContext(store.locator(), store.info(), roots, base);
    }
}
