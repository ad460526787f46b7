package dev.sessiondb.store.file;

import dev.sessiondb.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sizes, modification times and file identities (inodes) of a store's files: what changes when
 * anyone writes them. An atomic replace makes a new inode, so even a rewrite of the same size
 * within one tick of the file system's clock is seen.
 */
public final class FileFingerprint {

    private FileFingerprint() {
    }

    /** A file's size, time and identity, or those of every entry of a directory; a missing file reads as "absent". */
    public static String of(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return directory(path);
            }
            if (!Files.exists(path)) {
                return "absent";
            }
            return describe(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException(path + ": cannot look at the store's files (" + e.getMessage() + "); check that they are readable", e);
        }
    }

    /**
     * The entries in name order, each with its size, time and identity, folded into one hash. Hidden entries (a writer's
     * lock, its transaction's folder) and the folder's own time are left out: a write that was rolled back leaves them
     * changed and every session file as it was.
     */
    private static String directory(Path directory) throws IOException {
        long entries = 0;
        long hash = 17;
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path entry : listing.filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList()) {
                entries++;
                hash = hash * 31 + (entry.getFileName() + " " + describe(Files.readAttributes(entry, BasicFileAttributes.class))).hashCode();
            }
        }
        return entries + " entries, " + Long.toHexString(hash);
    }

    private static String describe(BasicFileAttributes attributes) {
        return attributes.size() + "@" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "#" + attributes.fileKey();
    }
}
