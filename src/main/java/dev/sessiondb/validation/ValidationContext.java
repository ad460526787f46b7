package dev.sessiondb.validation;

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
}
