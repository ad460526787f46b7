package dev.sessiondb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What a cheap look at a store sees: its record count and a token that changes when it is
 * written (file size and modification time, or a server's row versions). Equal fingerprints
 * mean "unchanged as far as a cheap look can tell"; a job plans against one and refuses to
 * write when the store's has changed since.
 */
public record StoreFingerprint(long count, String token) {

    /**
     * The count and, for each file, its size, modification time and identity (an atomic replace
     * makes a new inode, seen even within one tick of the file system's clock); a missing file counts as "-".
     */
    public static StoreFingerprint ofFiles(long count, Path... files) {
        StringBuilder token = new StringBuilder();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                token.append(attributes.size()).append('@').append(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                        .append('#').append(attributes.fileKey());
            } catch (IOException absent) {
                token.append('-');
            }
            token.append(';');
        }
        return new StoreFingerprint(count, token.toString());
    }
}
