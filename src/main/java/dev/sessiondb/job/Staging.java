package dev.sessiondb.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a job builds a store before renaming it into place: a fixed sibling name, so the next
 * run removes what a killed run left, together with the side files SQLite and the JSON
 * backend keep next to a store.
 */
public final class Staging {

    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal", ".lock"};

    private Staging() {
    }

    public static Path beside(Path store) {
        Path absolute = store.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".sessiondb-staging");
    }

    /** Removes a staged file or folder and its side files; nothing happens when there are none. */
    public static void clear(Path staged) throws IOException {
        FileTrees.delete(staged);
        removeSideFiles(staged);
    }

    public static void removeSideFiles(Path store) throws IOException {
        for (String suffix : SIDE_FILES) {
            Files.deleteIfExists(Path.of(store + suffix));
        }
    }
}
