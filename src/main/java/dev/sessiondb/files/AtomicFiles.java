package dev.sessiondb.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Durable file replacement: content goes to a temp file next to the target, is forced to
 * disk, renamed over the target in one step, and the directory entry is forced too. A
 * process killed at any moment leaves either the old file or the new one.
 */
public final class AtomicFiles {

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Writes the content of a temp file next to {@code target}; the caller fills it. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A last look before a write's rename (is the target still as it was?), or its last step before it. */
    @FunctionalInterface
    public interface BeforeReplace {
        void run() throws IOException;
    }

    /** A regular file of 0 bytes: a database file made by {@code touch}, no store yet. */
    public static boolean isEmptyFile(Path path) {
        try {
            return Files.isRegularFile(path) && Files.size(path) == 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * A fresh temp file in the target's directory, named after it so a leftover is recognisable.
     * Owner-only, as every file the app creates (records hold tokens); replacing an existing
     * file keeps that file's permissions ({@link #replace}).
     */
    public static Path tempFileFor(Path target) throws IOException {
        Path directory = directoryOf(target);
        while (true) {
            Path candidate = directory.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate, ownerOnly(OWNER_ONLY_FILE));
            } catch (FileAlreadyExistsException taken) {
                // another writer's temp file: draw another name
            }
        }
    }

    /**
     * Deletes temp files a killed writer left next to {@code target}. Only call it holding the
     * store's lock: then no other writer has a temp file in progress.
     */
    public static void deleteLeftoverTemps(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(directoryOf(target))) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    /** Creates a missing file owner-only (0600); an existing one keeps its permissions. */
    public static Path createOwnerOnlyFile(Path file) throws IOException {
        return Files.createFile(file, ownerOnly(OWNER_ONLY_FILE));
    }

    /**
     * Creates the missing directories of {@code directory} owner-only (0700): stores, backups,
     * reports and logs hold whole records, tokens included. Directories that exist are left as they are.
     */
    public static Path createOwnerOnlyDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return directory;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createOwnerOnlyDirectories(parent);
        }
        try {
            Files.createDirectory(absolute, ownerOnly(OWNER_ONLY_DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile by another writer
        }
        return directory;
    }

    /** Writes {@code content} to {@code file} (created owner-only when new) and forces it to disk. */
    public static void writeDurably(Path file, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), ownerOnly(OWNER_ONLY_FILE))) {
            OutputStream out = closeShielded(Channels.newOutputStream(channel));
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    /**
     * Content writers (Jackson, CSV printers, writers) close what they write to; the channel
     * must stay open until it is forced to disk, so their close only flushes.
     */
    private static OutputStream closeShielded(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Replaces {@code target} by {@code temp} atomically, keeping the target's permissions, then forces the directory.
     * A target its owner made read-only is refused ({@link ReadOnlyFileException}).
     */
    public static void replace(Path temp, Path target) throws IOException {
        requireOwnerWritable(target);
        keepPermissions(target, temp);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically, so the store cannot be written safely", e);
        }
        forceDirectory(directoryOf(target));
    }

    /** Writes a whole file atomically: temp file, fsync, rename, fsync of the directory. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, () -> { });
    }

    /**
     * As {@link #write(Path, Content)}, asking {@code beforeReplace} once the new content is on disk,
     * immediately before the rename: it may throw to leave the target as it is.
     */
    public static void write(Path target, Content content, BeforeReplace beforeReplace) throws IOException {
        Path temp = tempFileFor(target);
        try {
            writeDurably(temp, content);
            beforeReplace.run();
            replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forces a file's content to disk: for a file written without syncs, before it is renamed into place. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes renames and deletions in a directory durable. */
    public static void forceDirectory(Path directory) throws IOException {
        if (WINDOWS) {
            return; // Windows cannot open a directory as a channel, and forces renames itself
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    public static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    /** The attributes that create a file owner-only (0600), none where the file system has no POSIX permissions. */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return ownerOnly(OWNER_ONLY_FILE);
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Refuses an existing file without its owner's write permission. */
    public static void requireOwnerWritable(Path file) throws IOException {
        if (POSIX && Files.exists(file) && !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE)) {
            throw new ReadOnlyFileException(file);
        }
    }

    /** Gives {@code to} the permissions of {@code from}, which it is about to replace; nothing when {@code from} is gone. */
    public static void keepPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the new file keeps the default permissions.
        }
    }
}
