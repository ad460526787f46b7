package dev.sessiondb.job;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an export may write. An export holds one session or the few a table shows, so written
 * over a store it would replace every session in it: it never goes onto the store it reads, into
 * that store's folder, or over any other session store. The command line and the window ask
 * here before writing, each in its own words for an ordinary file already there.
 */
public final class ExportTarget {

    private static final String NEVER_OVER_A_STORE = "an export never writes over a session store; nothing was written; choose another file";

    private ExportTarget() {
    }

    /**
     * Refuses a file the export must not write, naming it and what to do.
     *
     * @param source the store the export reads
     * @return whether an ordinary file (no store) is there already, which the export would replace
     * @throws JobRefusedException when the file is the source, inside the source's folder or another folder store, a folder, a session store
     *         or one of a store's own files
     */
    public static boolean requireNoStore(Path file, StoreLocator source) {
        if (source.localPath().isPresent()) {
            requireOutsideSource(file, source);
        }
        if (Files.isDirectory(file)) {
            throw new JobRefusedException(file + " is a folder; nothing was written; choose a file to export to");
        }
        for (StoreProvider provider : StoreProviders.all()) {
            provider.storeAt(file).ifPresent(store -> {
                if (Files.isDirectory(store)) {
                    throw insideFolderStore(file, StoreLocator.of(provider.format(), store).display(), "that store");
                }
                throw new JobRefusedException((store.equals(file) ? file + " is a session store (" + provider.format() + ")"
                        : file + " belongs to the store " + store + ", which keeps its latest changes there") + "; " + NEVER_OVER_A_STORE);
            });
        }
        return Files.exists(file);
    }

    private static void requireOutsideSource(Path file, StoreLocator source) {
        // resolved through links and relative paths: ./s.db, a link to it and its absolute path are one file
        Path target = StoreProbe.realOrAbsolute(file);
        if (target.equals(StoreProbe.realOrAbsolute(source.path()))) {
            throw new JobRefusedException(file + " is the store being exported from (" + source.display() + "); " + NEVER_OVER_A_STORE);
        }
        Optional<Path> folder = StoreProviders.of(source).folderOf(source).map(StoreProbe::realOrAbsolute);
        if (folder.isPresent() && target.startsWith(folder.get())) {
            throw insideFolderStore(file, source.display(), "the store it reads");
        }
    }

    /** A file written into a folder store changes that store, and an export takes no backup of it. */
    private static JobRefusedException insideFolderStore(Path file, String folderStore, String which) {
        return new JobRefusedException(file + " is inside the folder store " + folderStore + ", so the export would add a file to " + which
                + " without a backup; nothing was written; choose a file outside the folder store " + folderStore);
    }
}
