package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
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
public record ValidationContext(StoreLocator locator, StoreInfo info, List<Path> workspaceRoots, Path baseDirectory,
                                List<SessionRecord> skippedDamage) {

    public ValidationContext {
        workspaceRoots = List.copyOf(workspaceRoots);
        skippedDamage = List.copyOf(skippedDamage);
    }

    public ValidationContext(StoreLocator locator, StoreInfo info, List<Path> workspaceRoots, Path baseDirectory) {
        this(locator, info, workspaceRoots, baseDirectory, List.of());
    }

    /**
     * The context of an open store. Without workspace roots, a Minsky file store's own directory
     * is taken as its state directory; relative repoPaths resolve against the store's directory.
     */
    public static ValidationContext of(SessionStore store, List<Path> workspaceRoots) {
        StoreLocator locator = store.locator();
        Path storeDir = locator.localPath().map(path -> path.toAbsolutePath().getParent()).orElse(null);
        Path base = storeDir == null ? Path.of("").toAbsolutePath() : storeDir;
        // a directory store (magellai) keeps no state directory of its own beside it
        boolean ownDirectory = workspaceRoots.isEmpty() && storeDir != null && !Files.isDirectory(locator.path());
        return new ValidationContext(locator, store.info(), ownDirectory ? List.of(storeDir) : workspaceRoots, base, store.skippedDamage());
    }
}
