package dev.sessiondb.store.jsondir;

import dev.sessiondb.files.FileTrees;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.file.FileStoreProvider;
import dev.sessiondb.store.file.StoreFileLock;
import dev.sessiondb.store.selection.MinskyPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** magellai's directory of one JSON file per session: a directory given as a bare path, when it holds one. */
public final class JsonDirProvider extends FileStoreProvider {

    /** A folder of session files is magellai's layout, the one it reads and writes. */
    @Override
    public Set<StoreLayout> layoutsHeld() {
        return EnumSet.of(StoreLayout.MAGELLAI);
    }

    @Override
    public StoreFormat format() {
        return StoreFormat.JSONDIR;
    }

    @Override
    public Optional<Path> folderOf(StoreLocator locator) {
        return Optional.of(locator.path());
    }

    /** A folder holding at least one session file: any folder would read as an empty store ({@code info /etc}). */
    @Override
    public boolean recognises(Path existing) {
        if (!Files.isDirectory(existing)) {
            return false;
        }
        return entries(existing).stream().anyMatch(DirTransaction::isSessionFile);
    }

    /**
     * Anything in the folder but session files and hidden entries: sessiondb's own lock and transaction folder, and what
     * file managers and repositories leave (.DS_Store, .gitkeep), which make no folder a user's.
     */
    @Override
    public Optional<Path> foreignEntry(StoreLocator locator) {
        if (!Files.isDirectory(locator.path())) {
            return Optional.empty();
        }
        return entries(locator.path()).stream().filter(entry -> !DirTransaction.isSessionFileName(entry))
                .filter(entry -> !entry.getFileName().toString().startsWith(".")).sorted().findFirst();
    }

    private static List<Path> entries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException e) {
            throw new StoreException(folder + ": cannot list the folder (" + e.getMessage() + "); check that it is readable", e);
        }
    }

    /**
     * The folder store a file written at {@code file} would be added to: the folder it lands in, or one
     * above it (a snapshot copies the whole tree), when that folder is a store of this format someone
     * keeps. A folder holding JSON files is not enough: one-session exports kept side by side look just
     * like session files. It counts when sessiondb has written or backed it up as a store (its lock file or
     * transaction folder is there) or when it is magellai's own session folder.
     */
    @Override
    public Optional<Path> storeAt(Path file) {
        Path magellai = realPath(MinskyPaths.ofSystem().magellaiSessions());
        for (Path folder = file.toAbsolutePath().normalize().getParent(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder) && (carriesSessiondbMarks(folder) || realPath(folder).equals(magellai))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private static boolean carriesSessiondbMarks(Path folder) {
        // ".sessiondb.lock" is also the lock of a JSON file store named "sessiondb" kept in an ordinary folder
        boolean folderLock = Files.exists(folder.resolve(JsonDirStore.LOCK_FILE)) && !Files.exists(folder.resolve("sessiondb"));
        return folderLock || Files.isDirectory(folder.resolve(DirTransaction.DIRECTORY));
    }

    private static Path realPath(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** A new directory is never guessed from a name: it takes {@code jsondir:}. */
    @Override
    public boolean claimsNewPath(Path absent) {
        return false;
    }

    @Override
    public boolean exists(StoreLocator locator) {
        finishReplacedTree(locator.path());
        return super.exists(locator);
    }

    @Override
    public boolean skipsUnreadable() {
        return true;
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        finishReplacedTree(locator.path());
        return JsonDirStore.open(locator, mode);
    }

    /** The lock {@link JsonDirStore} takes across a write, inside the folder. */
    @Override
    protected Optional<Path> lockFile(Path store) {
        return Optional.of(store.resolve(JsonDirStore.LOCK_FILE));
    }

    /**
     * The folder's entries, its lock file among them: taken once that file exists (a restore
     * compares its mark holding it), so taking the lock makes no change.
     */
    @Override
    protected String mark(Path store) {
        if (Files.isDirectory(store) && !Files.exists(store.resolve(JsonDirStore.LOCK_FILE))) {
            StoreFileLock.acquire(store.resolve(JsonDirStore.LOCK_FILE)).close();
        }
        return super.mark(store);
    }

    /** Each file named like a session file that does not read as one: a finding of its own, so all are named at once. */
    @Override
    public List<StoreFaults.Fault> damage(StoreLocator locator) {
        Path dir = locator.path();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return new SessionDirectory(dir).scan().unreadable().stream()
                .map(file -> new StoreFaults.Fault(dir.resolve(file.shownName()) + " cannot be read as a session: " + file.problem(),
                        "fix the file or move it out of the folder; until then a job reading the folder refuses it, and sessiondb migrate"
                                + " --skip-unreadable copies the other sessions out"))
                .toList();
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException {
        FileTrees.copy(store.locator().path(), folder);
        return Optional.of(SnapshotKind.DIRECTORY);
    }
}
