package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.store.selection.StoreSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stores this machine already has: the one Minsky's settings select, and Minsky's and
 * magellai's default locations when they exist.
 */
public final class StoreDiscovery {

    private final MinskyPaths paths;
    private final Path workingDirectory;

    public StoreDiscovery(MinskyPaths paths, Path workingDirectory) {
        this.paths = paths;
        this.workingDirectory = workingDirectory;
    }

    public List<StoreEntry> discover() {
        Map<String, StoreEntry> found = new LinkedHashMap<>();
        try {
            StoreSelection.Selected selected = new StoreSelection(paths, workingDirectory).select();
            if (exists(selected.locator())) {
                found.put(selected.locator().display(), StoreEntry.of(selected.locator().display(), "selected by " + selected.reason()));
            }
        } catch (StoreException unusableSetting) {
            // a broken Minsky setting must not hide the stores found below
        }
        addIfPresent(found, StoreLocator.of(StoreFormat.JSON, paths.minskyJsonStore()), "Minsky's state directory");
        addIfPresent(found, StoreLocator.of(StoreFormat.SQLITE, paths.minskySqliteStore()), "Minsky's state directory");
        addIfPresent(found, StoreLocator.of(StoreFormat.JSONDIR, paths.magellaiSessions()), "magellai's sessions");
        return List.copyOf(found.values());
    }

    private static void addIfPresent(Map<String, StoreEntry> found, StoreLocator locator, String why) {
        if (exists(locator)) {
            found.putIfAbsent(locator.display(), StoreEntry.of(locator.display(), why));
        }
    }

    private static boolean exists(StoreLocator locator) {
        return locator.format() == StoreFormat.POSTGRESQL || Files.exists(locator.path());
    }
}
