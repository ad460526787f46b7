package dev.sessiondb.store.file;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.FileTrees;
import dev.sessiondb.files.Staging;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.ReadAlongside;
import dev.sessiondb.store.RestoreGuard;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StagedStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What every store kept as a file or folder shares: it exists when its path does, it is one
 * store with any other path to the same real file, a new one is built beside its final name
 * and renamed into place, and a snapshot goes back by the same kind of rename.
 */
public abstract class FileStoreProvider implements StoreProvider {

    @Override
    public boolean exists(StoreLocator locator) {
        return Files.exists(locator.path());
    }

    @Override
    public Optional<String> writeRefusal(StoreLocator locator) {
        return FolderToWrite.refusal(locator);
    }

    @Override
    public String identity(StoreLocator locator) {
        Path path = locator.path().toAbsolutePath().normalize();
        try {
            return Files.exists(path) ? path.toRealPath().toString() : path.toString();
        } catch (IOException e) {
            return path.toString();
        }
    }

    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator) throws IOException {
        restore(kind, folder, locator, RestoreGuard.none(locator));
    }

    /** Compared under the lock sessiondb's writers take ({@link #lockFile}), immediately before the rename that puts the copy in place. */
    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator, RestoreGuard guard) throws IOException {
        Path target = throughLinks(locator.path());
        Runnable unchanged = () -> guard.requireMark(() -> mark(target));
        if (kind.equals(SnapshotKind.DIRECTORY)) {
            replaceTree(folder, target, unchanged, lockFile(target));
        } else {
            copyOver(folder, target, unchanged, lockFile(target));
        }
    }

    @Override
    public void remove(StoreLocator locator, ProgressMonitor monitor) throws IOException {
        remove(locator, monitor, RestoreGuard.none(locator));
    }

    @Override
    public void remove(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) throws IOException {
        Path path = locator.path();
        try (Locked locked = Locked.of(lockFile(path))) {
            Path target = throughLinks(path);
            guard.requireMark(() -> mark(target));
            if (Files.isDirectory(path)) {
                FileTrees.delete(path);
            } else {
                Files.deleteIfExists(path);
                Staging.removeSideFiles(path);
            }
        }
    }

    /** The file's or folder's size, time and identity (every entry's, for a folder): "absent" when there is none. */
    @Override
    public Optional<String> changeMark(StoreLocator locator) {
        try {
            return Optional.of(mark(throughLinks(locator.path())));
        } catch (IOException e) {
            throw new StoreException(locator.path() + ": cannot look at the store (" + e.getMessage() + ")", e);
        }
    }

    /** See {@link #changeMark}. */
    protected String mark(Path store) {
        return FileFingerprint.of(store);
    }

    /** The lock file sessiondb's writers of the store at {@code store} hold across a write, when they take one of their own. */
    protected Optional<Path> lockFile(Path store) {
        return Optional.empty();
    }

    /** A store lock held when there is one to hold (none in a folder that does not exist: no writer holds one there). */
    private record Locked(Optional<StoreFileLock> lock) implements AutoCloseable {
        static Locked of(Optional<Path> lockFile) {
            return new Locked(lockFile.filter(file -> Files.isDirectory(AtomicFiles.directoryOf(file))).map(StoreFileLock::acquire));
        }

        @Override
        public void close() {
            lock.ifPresent(StoreFileLock::close);
        }
    }

    @Override
    public StagedStore stage(StoreLocator locator) throws IOException {
        Path finalPath = locator.path();
        Path staged = Staging.beside(finalPath);
        Staging.clear(staged);
        StoreLocator stagedLocator = new StoreLocator(format(), staged.toString(), locator.params());
        SessionStore store = openStaged(stagedLocator, staged);
        return new StagedStore() {
            private boolean moved;

            @Override
            public SessionStore store() {
                return store;
            }

            @Override
            public void commit(Consumer<SessionStore> readAlongside) {
                StoreLayout layout = store.info().layout();
                try (ReadAlongside reading = ReadAlongside.start(readAlongside, () -> open(stagedLocator, OpenMode.EXISTING))) {
                    finishBuild(store, staged, reading::join);
                    reading.join();
                } catch (UncheckedIOException e) {
                    throw notInPlace(e.getCause());
                }
                store.close();
                try {
                    beforeRename(staged, layout);
                    AtomicFiles.createOwnerOnlyDirectories(finalPath.toAbsolutePath().getParent());
                    // before the rename: a run killed after it leaves a complete store, which the next run does not stage
                    // again, so nothing would remove what was left beside the staged name
                    Staging.removeSideFiles(staged);
                    AtomicFiles.replace(staged, finalPath);
                    moved = true;
                } catch (IOException e) {
                    throw notInPlace(e);
                }
            }

            private UncheckedIOException notInPlace(IOException e) {
                return new UncheckedIOException(new IOException("cannot put the new store in place at " + finalPath + " (" + e.getMessage()
                        + "); nothing was written there", e));
            }

            @Override
            public void close() {
                store.close();
                if (!moved) {
                    try {
                        Staging.clear(staged);
                    } catch (IOException leftForNextRun) {
                        // the next run removes it before staging again
                    }
                }
            }
        };
    }

    /** The new store opened at its staged name; one that fails to open (a full disk as its schema is made) leaves no file there. */
    private SessionStore openStaged(StoreLocator stagedLocator, Path staged) {
        try {
            return open(stagedLocator, OpenMode.STAGED);
        } catch (RuntimeException e) {
            try {
                Staging.clear(staged);
            } catch (IOException leftForNextRun) {
                e.addSuppressed(leftForNextRun);
            }
            throw e;
        }
    }

    @Override
    public boolean stagesOutOfSight() {
        return true;
    }

    /**
     * Finishes the staged store's build while it is still open (and read alongside); the build
     * may wait for {@code readersDone} before its last step.
     */
    protected void finishBuild(SessionStore store, Path staged, Runnable readersDone) {
    }

    /** Makes the staged file, written with {@link OpenMode#STAGED}, complete and durable on its own before it is renamed. */
    protected void beforeRename(Path staged, StoreLayout layout) throws IOException {
    }

    @Override
    public StandIn standIn(StoreLocator locator, Path scratch) {
        return new StandIn(new StoreLocator(format(), scratch.resolve("probe").toString(), locator.params()), Optional.empty());
    }

    /** A store reached through a symbolic link is restored at the link's target; renaming over the link would replace it. */
    protected static Path throughLinks(Path path) throws IOException {
        return Files.exists(path) ? path.toRealPath() : path;
    }

    /** Replaces a file in one step by a complete copy of another. */
    protected static void copyOver(Path copy, Path file) throws IOException {
        copyOver(copy, file, () -> { }, Optional.empty());
    }

    /**
     * Replaces a file in one step by a complete copy of another, holding {@code lockFile} (when
     * given) from the copy to the rename, and asking {@code unchanged} immediately before the rename.
     */
    protected static void copyOver(Path copy, Path file, Runnable unchanged, Optional<Path> lockFile) throws IOException {
        AtomicFiles.createOwnerOnlyDirectories(AtomicFiles.directoryOf(file));
        try (Locked locked = Locked.of(lockFile)) {
            AtomicFiles.write(file, out -> Files.copy(copy, out), unchanged::run);
        }
    }

    /**
     * Puts a directory in place of another: copy beside it, then two renames; a leftover old copy
     * is finished off next time, and a kill between the renames by {@link #finishReplacedTree}.
     */
    private static void replaceTree(Path copy, Path directory, Runnable unchanged, Optional<Path> lockFile) throws IOException {
        Path staged = Staging.beside(directory);
        Path old = replacedBeside(staged);
        FileTrees.delete(staged);
        FileTrees.copy(copy, staged);
        keepPermissions(directory, staged);
        try (Locked locked = Locked.of(lockFile)) {
            unchanged.run();
            if (Files.exists(directory)) {
                FileTrees.delete(old);
                Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException refused) {
            FileTrees.delete(staged);
            throw refused;
        }
        FileTrees.delete(old);
    }

    /** The restored folder and each file it had already keep the modes their owner gave them: a backup's copy is owner-only. */
    private static void keepPermissions(Path directory, Path staged) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        AtomicFiles.keepPermissions(directory, staged);
        try (Stream<Path> restored = Files.list(staged)) {
            for (Path file : restored.filter(Files::isRegularFile).toList()) {
                AtomicFiles.keepPermissions(directory.resolve(file.getFileName().toString()), file);
            }
        }
    }

    /**
     * Finishes a {@link #replaceTree} killed between its renames: the directory is gone, its old
     * copy moved aside and the new one, complete by then, staged. Until this runs the store looks
     * absent; the old copy stays in the backup the undo took first.
     */
    protected static void finishReplacedTree(Path directory) {
        Path staged = Staging.beside(directory);
        Path old = replacedBeside(staged);
        if (Files.exists(directory) || !Files.isDirectory(old) || !Files.isDirectory(staged)) {
            return;
        }
        try {
            Files.move(staged, directory, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } catch (IOException e) {
            throw new StoreException(directory + ": cannot finish a restore that was stopped (" + e.getMessage() + "); the restored folder is "
                    + staged + " and the one it replaced " + old, e);
        }
    }

    private static Path replacedBeside(Path staged) {
        return staged.resolveSibling(staged.getFileName() + "-old");
    }
}
