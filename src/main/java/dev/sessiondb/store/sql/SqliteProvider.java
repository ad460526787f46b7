package dev.sessiondb.store.sql;

import dev.sessiondb.store.MinskyBackend;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RestoreGuard;
import dev.sessiondb.store.SchemaGap;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreCatalog;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.store.file.FileStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** SQLite files: told by their header, copied and put back by SQLite itself. */
public final class SqliteProvider extends FileStoreProvider {

    /** The first bytes of every SQLite database file. */
    static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The files SQLite keeps beside a database while it is in use. */
    private static final List<String> SIDE_FILE_SUFFIXES = List.of("-wal", "-shm", "-journal");

    @Override
    public Set<StoreLayout> layoutsHeld() {
        return SqlStores.LAYOUTS_HELD;
    }

    @Override
    public StoreFormat format() {
        return StoreFormat.SQLITE;
    }

    @Override
    public Optional<MinskyBackend> minskyBackend(StoreLocator locator) {
        String path = locator.path().toAbsolutePath().toString();
        return Optional.of(new MinskyBackend("sqlite", "MINSKY_SESSIONDB_SQLITE_PATH", "sqlite", "path", path, List.of(), true));
    }

    /** A file SQLite wrote, or an empty one named as a database (what {@code touch x.db} or a program about to create it leaves). */
    @Override
    public boolean recognises(Path existing) {
        return Files.isRegularFile(existing) && (startsWithHeader(existing) || AtomicFiles.isEmptyFile(existing) && claimsNewPath(existing));
    }

    /**
     * Also the store a side file belongs to: SQLite keeps a store's latest commits in {@code DB-wal}
     * until they are checkpointed, and a half-done transaction's undo in {@code DB-journal}, so
     * replacing either loses or damages the store.
     */
    @Override
    public Optional<Path> storeAt(Path file) {
        String name = String.valueOf(file.getFileName());
        return SIDE_FILE_SUFFIXES.stream().filter(name::endsWith)
                .map(suffix -> file.resolveSibling(name.substring(0, name.length() - suffix.length())))
                .filter(database -> Files.isRegularFile(database) && startsWithHeader(database))
                .findFirst().or(() -> super.storeAt(file));
    }

    /** An empty file is no store yet: SQLite makes one in it at the first write, so a job writing there builds a new store in its place. */
    @Override
    public boolean exists(StoreLocator locator) {
        return super.exists(locator) && !AtomicFiles.isEmptyFile(locator.path());
    }

    /** Whether a file starts with the SQLite header; an unreadable file does not. */
    static boolean startsWithHeader(Path file) {
        try {
            return Arrays.equals(LockSafeReads.head(file, HEADER.length), HEADER);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read the file (" + e.getMessage() + "); check that it exists and is readable", e);
        }
    }

    @Override
    public boolean claimsNewPath(Path absent) {
        String name = absent.getFileName() == null ? "" : absent.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".db") || name.endsWith(".sqlite") || name.endsWith(".sqlite3");
    }

    @Override
    public boolean skipsUnreadable() {
        return true;
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        return SqlStores.openSqlite(locator, mode);
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException {
        try {
            // VACUUM INTO fills an existing empty file, which keeps its owner-only permissions
            AtomicFiles.createOwnerOnlyFile(folder);
            SqliteFiles.copy(store.locator().path(), folder);
            return Optional.of(SnapshotKind.SQLITE);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator) throws IOException {
        restore(kind, folder, locator, RestoreGuard.none(locator));
    }

    /** Compared holding SQLite's write lock, which the restore then keeps until it has put the copy back ({@link SqliteFiles#restore}). */
    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator, RestoreGuard guard) throws IOException {
        Path path = locator.path();
        Runnable unchanged = () -> guard.requireMark(() -> mark(path));
        if (!Files.exists(path)) {
            copyOver(folder, path, unchanged, Optional.empty());
            return;
        }
        try {
            SqliteFiles.restore(path, folder, unchanged);
        } catch (SQLException e) {
            if (StoreFaults.isSqliteLocked(e)) {
                throw new StoreFaultException(locator.display(), StoreFaults.lockedSqlite(""), e);
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /** SQLite's own marks of a commit ({@link SqliteFingerprint}), as the store's fingerprint has them; "absent" when there is no file. */
    @Override
    protected String mark(Path store) {
        return Files.exists(store) ? SqliteFingerprint.of(store) : "absent";
    }

    /** A WAL-mode file's mark by its files' size and time, as sessiondb took it before it marked what the file holds. */
    @Override
    public Optional<String> changeMarkAsBefore(StoreLocator locator) {
        Path store = locator.path();
        return Files.exists(store) && SqliteFingerprint.walMode(store) ? Optional.of(SqliteFingerprint.byFiles(store)) : Optional.empty();
    }

    /**
     * The rows are committed by now (the file is out of sight, so its build may take more than one
     * transaction): they go to disk while the indexes and the search index are built.
     */
    @Override
    protected void finishBuild(SessionStore store, Path staged, Runnable readersDone) {
        CompletableFuture<Void> rowsToDisk = CompletableFuture.runAsync(() -> {
            try {
                AtomicFiles.force(staged);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot write the new store to disk (" + e.getMessage() + ")", e));
            }
        });
        ((SqlSessionStore) store).finishStagedRebuild(staged, readersDone);
        try {
            rowsToDisk.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * A native store gets its write-ahead log, as every native store this tool writes (setting it
     * leaves no log file behind: the staged file never had one); the file is then forced to disk,
     * as it was written without syncs.
     */
    @Override
    protected void beforeRename(Path staged, StoreLayout layout) throws IOException {
        if (layout == StoreLayout.NATIVE) {
            try {
                SqliteFiles.useWriteAheadLog(staged);
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        AtomicFiles.force(staged);
    }

    @Override
    public StoreCatalog catalog(StoreLocator locator) {
        return SqlCatalog.read(locator, Dialect.SQLITE);
    }

    @Override
    public List<StoreFaults.Fault> damage(StoreLocator locator) {
        return SqliteDamage.of(locator).stream().toList();
    }

    @Override
    public List<SchemaGap> schemaGaps(StoreLocator locator, StoreLayout layout) {
        return layout == StoreLayout.MINSKY ? MinskySchema.gaps(Dialect.SQLITE, catalog(locator)) : List.of();
    }
}
