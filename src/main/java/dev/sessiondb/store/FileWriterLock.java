package dev.sessiondb.store;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.RecordHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OS lock on a file store's lock file; this JVM's holders are known by file, as the JVM refuses a second lock on one.
 * A writer locks two bytes past the holder's name: {@link #WRITING} alone keeps a second writer out; {@link #SEEN}, taken
 * once it holds that, is what a look ({@link #holderNow}) tries a shared lock of. A look thus never meets {@link #WRITING}
 * and so never refuses a writer, and a writer waits on a look's lock of {@link #SEEN} only for that look's instant.
 */
final class FileWriterLock implements StoreWriterLock {

    /** How every lock file's name ends. */
    static final String SUFFIX = ".sessiondb-writer.lock";
    /** The longest file name Linux, macOS and Windows file systems take, in bytes. */
    private static final int LONGEST_NAME = 255;
    private static final long WRITING = 512;
    private static final long SEEN = WRITING + 1;
    /** This JVM's holders by lock file; read and added to under its own lock, so a look here never opens a file held here. */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;

    private FileWriterLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * The lock file's name for a store named {@code name}: {@code .NAME.sessiondb-writer.lock}, or, where that passes the
     * 255 bytes a file name may have (a long name in a script of two or three bytes a letter), as much of NAME as fits and a
     * digest of all of it, so that a store with the longest name a folder takes has a lock file of its own too.
     */
    static String lockFileName(String name) {
        String whole = "." + name + SUFFIX;
        if (whole.getBytes(StandardCharsets.UTF_8).length <= LONGEST_NAME) {
            return whole;
        }
        String digest = "~" + RecordHash.ofText(name).substring(0, 16);
        int room = LONGEST_NAME - 1 - digest.length() - SUFFIX.length();
        StringBuilder kept = new StringBuilder();
        for (int at = 0, used = 0; at < name.length(); at += Character.charCount(name.codePointAt(at))) {
            String letter = new String(Character.toChars(name.codePointAt(at)));
            used += letter.getBytes(StandardCharsets.UTF_8).length;
            if (used > room) {
                break;
            }
            kept.append(letter);
        }
        return "." + kept + digest + SUFFIX;
    }

    static FileWriterLock hold(Path file, String display, String holder) {
        return hold(file, display, holder, () -> { });
    }

    /**
     * As {@link #hold(Path, String, String)}, with {@code afterOpen} run where a holder's letting go can come between: after
     * this writer opened the lock file, before it locks it. A test puts a release (and another process's lock) there.
     */
    static FileWriterLock hold(Path file, String display, String holder, Runnable afterOpen) {
        String other;
        synchronized (HELD_HERE) {
            other = HELD_HERE.putIfAbsent(file, holder);
        }
        if (other != null) {
            throw StoreWriterLock.busy(display, other);
        }
        try {
            FileWriterLock held;
            do {
                held = tryHold(file, display, holder, afterOpen);
            } while (held == null);
            return held;
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            if (e instanceof StoreBusyException busy) {
                throw busy;
            }
            // a read-only or full file system is told in the words every other write uses
            String why = StoreFaults.of(e).map(fault -> fault.what() + "); nothing was changed; " + fault.todo())
                    .orElseGet(() -> reason(file, e) + "); nothing was changed; check that the folder holding the store exists and is writable");
            // a fault's words may name the lock file already ("permission denied at …lock"): it is said once
            throw new StoreException(display + ": cannot take the lock that keeps a second writer out (" + (why.contains(file.toString()) ? "" : file + ": ")
                    + why, e);
        }
    }

    /**
     * Why the lock file could not be had, without its path again: a file system's message starts with it, and a missing
     * file's (or folder's) exception holds nothing else.
     */
    private static String reason(Path file, Exception failure) {
        if (failure instanceof NoSuchFileException) {
            return "the folder " + file.getParent() + " does not exist";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileSystemException files) {
            return files.getReason() != null ? files.getReason() : "the file system refused it";
        }
        return failure.getMessage();
    }

    /**
     * The lock, or null when the file locked was no longer the one at {@code file}: its last holder deleted it on letting
     * go (see {@link #close()}) between this open and this lock, so another writer may lock the file now there.
     */
    private static FileWriterLock tryHold(Path file, String display, String holder, Runnable afterOpen) throws IOException {
        Object opened = createdOrExisting(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException deletedMeanwhile) {
            return null;
        }
        try {
            afterOpen.run();
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw StoreWriterLock.busy(display, holderIn(channel));
            }
            // after SEEN, which removeStale holds while it deletes a file: a file it deleted is told here
            channel.lock(SEEN, 1, false);
            if (!Objects.equals(opened, keyOf(file))) {
                closeQuietly(channel);
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            return new FileWriterLock(file, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The identity (device and inode) of the lock file, made owner-only when absent. */
    private static Object createdOrExisting(Path file) throws IOException {
        try {
            Files.createFile(file, AtomicFiles.ownerOnlyFile());
        } catch (FileAlreadyExistsException existing) {
            // another writer's, or one a killed holder left: its lock tells which
        }
        return keyOf(file);
    }

    /** The file's identity now (null where the file system has none to give); a fresh object when it is gone, so that it equals no earlier one. */
    private static Object keyOf(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException gone) {
            return new Object();
        }
    }

    /**
     * The name of the run that holds the lock at {@code file} now, empty when none does; a holder that has not written its
     * name yet is named by an empty string. Nothing is made, and what is locked to look is let go at once.
     */
    static Optional<String> holderNow(Path file) {
        // closing any descriptor of a file drops this process's locks on it: a look here opens no file a holder here has open
        synchronized (HELD_HERE) {
            String here = HELD_HERE.get(file);
            return here != null ? Optional.of(here) : holderElsewhere(file);
        }
    }

    private static Optional<String> holderElsewhere(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock look = channel.tryLock(SEEN, 1, true);
            if (look != null) {
                look.release();
                return Optional.empty();
            }
            return Optional.of(holderIn(channel));
        } catch (IOException noneOrUnreadable) {
            // no lock file: no holder; one that cannot be read tells nothing, and the lock itself refuses a writer if it is held
            return Optional.empty();
        }
    }

    /**
     * Deletes the lock files in {@code folder} that no run holds: a killed holder's, which the next run of its store
     * would delete, but nothing else once that store is gone or written anew under another inode (its device and inode
     * lock). A file is deleted while this holds a shared lock of {@link #SEEN}, as a look does, so it never meets a writer's
     * {@link #WRITING}; a writer that took {@link #WRITING} meanwhile waits for {@link #SEEN} and then finds its file gone.
     */
    static void removeStale(Path folder) {
        // closing any descriptor of a file drops this process's locks on it: this opens no file a holder here has open
        synchronized (HELD_HERE) {
            try (DirectoryStream<Path> lockFiles = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
                for (Path lockFile : lockFiles) {
                    if (!HELD_HERE.containsKey(lockFile)) {
                        removeIfStale(lockFile);
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                // a file left is stale all the same: the lock, not the file, tells a holder
            }
        }
    }

    private static void removeIfStale(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.tryLock(SEEN, 1, true) != null) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException | AccessDeniedException goneOrNotOurs) {
            // deleted meanwhile by its holder, or another user's: left as it is
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(WRITING, 1, false);
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** The name the holder wrote; empty when it has not written it yet. */
    private static String holderIn(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(512);
        channel.read(text, 0);
        return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
    }

    /**
     * The file goes before the lock does, so that no store is left with a file beside it (a job refused before it made its
     * store leaves nothing). A writer that opened it meanwhile finds, once it holds that lock, that the file is gone and takes
     * the lock of the file there now ({@link #tryHold}): two writers never hold two files of one name.
     */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file left unlocked is stale: the lock, not the file, tells a holder
        } finally {
            closeQuietly(channel);
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing drops the lock in any case; nothing was written through it
            }
        }
    }
}
