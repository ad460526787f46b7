package dev.sessiondb.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /**
     * Removes a staged file or folder, its side files and the temp files a backend was writing
     * it through when a run was killed ({@code .<staged name>.*.tmp}); nothing happens when there are none.
     */
    public static void clear(Path staged) throws IOException {
        FileTrees.delete(staged);
        removeSideFiles(staged);
        String prefix = "." + staged.getFileName() + ".";
        // matched by hand, not by a glob: a store's own name may hold '{', '[' or '*'
        DirectoryStream.Filter<Path> leftTemps = entry -> entry.getFileName().toString().startsWith(prefix) && entry.getFileName().toString().endsWith(".tmp");
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(staged.getParent(), leftTemps)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (NoSuchFileException noFolderYet) {
            // nothing was staged here
        }
    }

    public static void removeSideFiles(Path store) throws IOException {
        for (String suffix : SIDE_FILES) {
            Files.deleteIfExists(Path.of(store + suffix));
        }
        Files.deleteIfExists(store.toAbsolutePath().resolveSibling("." + store.getFileName() + ".lock")); // the JSON store's hidden lock
    }
}
