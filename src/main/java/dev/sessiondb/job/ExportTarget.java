package dev.sessiondb.job;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an export may write. An export holds one session or the few a table shows, so written
 * over a store it would replace every session in it: it never goes onto the store it reads, into
 * that store's folder, or over any other session store. The command line and the window ask
 * here before writing, each in its own words for an ordinary file already there.
 */
public final class ExportTarget {

    private static final List<String> SQLITE_SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private static final String NEVER_OVER_A_STORE = "an export never writes over a session store; nothing was written; choose another file";

    private ExportTarget() {
    }

    /**
     * Refuses a file the export must not write, naming it and what to do.
     *
     * @param source the store the export reads
     * @return whether an ordinary file (no store) is there already, which the export would replace
     * @throws JobRefusedException when the file is the source, inside the source's folder, a folder, a session store or one of a SQLite store's files
     */
    public static boolean requireNoStore(Path file, StoreLocator source) {
        if (source.localPath().isPresent()) {
            requireOutsideSource(file, source);
        }
        requireNoSqliteSideFile(file);
        if (Files.isDirectory(file)) {
            throw new JobRefusedException(file + " is a folder; nothing was written; choose a file to export to");
        }
        if (!Files.exists(file) || AtomicFiles.isEmptyFile(file)) {
            return Files.exists(file); // an empty file holds nothing to lose
        }
        storeFormatOf(file).ifPresent(format -> {
            throw new JobRefusedException(file + " is a session store (" + format + "); " + NEVER_OVER_A_STORE);
        });
        return true;
    }

    private static void requireOutsideSource(Path file, StoreLocator source) {
        // resolved through links and relative paths: ./s.db, a link to it and its absolute path are one file
        Path target = StoreProbe.realOrAbsolute(file);
        if (target.equals(StoreProbe.realOrAbsolute(source.path()))) {
            throw new JobRefusedException(file + " is the store being exported from (" + source.display() + "); " + NEVER_OVER_A_STORE);
        }
        Optional<Path> folder = StoreProviders.of(source).folderOf(source).map(StoreProbe::realOrAbsolute);
        if (folder.isPresent() && target.startsWith(folder.get())) {
            throw new JobRefusedException(file + " is inside the folder store " + source.display()
                    + ", so the export would add a file to the store it reads; nothing was written; choose a file outside the folder");
        }
    }

    /**
     * SQLite keeps a store's latest commits in {@code DB-wal} until they are checkpointed, and a
     * half-done transaction's undo in {@code DB-journal}: replacing either loses or damages the store.
     */
    private static void requireNoSqliteSideFile(Path file) {
        String name = String.valueOf(file.getFileName());
        SQLITE_SIDE_FILES.stream().filter(name::endsWith)
                .map(suffix -> file.resolveSibling(name.substring(0, name.length() - suffix.length())))
                .filter(database -> !AtomicFiles.isEmptyFile(database) && StoreProviders.of(StoreFormat.SQLITE).recognises(database))
                .findFirst().ifPresent(database -> {
                    throw new JobRefusedException(file + " belongs to the SQLite store " + database + "; " + NEVER_OVER_A_STORE);
                });
    }

    /**
     * The format of a store the file holds, told by its content (a SQLite database by its header). Any
     * JSON document starts as a JSON store does, so a JSON file counts only when it reads as one:
     * an earlier export of one session may be replaced, a session-db.json may not.
     */
    private static Optional<StoreFormat> storeFormatOf(Path file) {
        for (StoreProvider provider : StoreProviders.all()) {
            if (provider.recognises(file) && (provider.format() != StoreFormat.JSON || readsAsJsonStore(file))) {
                return Optional.of(provider.format());
            }
        }
        return Optional.empty();
    }

    private static boolean readsAsJsonStore(Path file) {
        // the open reads the whole file and fails on one that is no store
        try (SessionStore opened = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING)) {
            return true;
        } catch (StoreException notAStore) {
            return false;
        }
    }
}
