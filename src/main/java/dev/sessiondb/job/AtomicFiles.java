package dev.sessiondb.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files that appear whole or not at all: written beside their final name, synced, then renamed over it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = staging(file);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        moveInto(temp, file);
    }

    /** Copies a file so that {@code target} is replaced in one step by a complete copy. */
    public static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = staging(target);
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        sync(temp);
        moveInto(temp, target);
    }

    /** Renames {@code staged} to {@code target} in one step, replacing it. */
    public static void moveInto(Path staged, Path target) throws IOException {
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The sibling a file is prepared under; fixed, so a run that was killed is cleaned up by the next. */
    public static Path staging(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".sessiondb-staging");
    }

    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
