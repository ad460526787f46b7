package dev.sessiondb.store.json;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.file.AtomicFiles;
import dev.sessiondb.store.file.PageScan;
import dev.sessiondb.store.file.StoreFileLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Minsky's {@code session-db.json}: a bare array, a {@code {"sessions": [...]}} object or a
 * backup wrapper. Reads stream the file; writes stream it into a temp file with the batch
 * applied and rename it over the original, under an exclusive lock held across the whole
 * read-modify-write, so two writers never lose an update and a crash never leaves half a file.
 */
public final class JsonFileStore implements SessionStore {

    private final StoreLocator locator;
    private final Path file;
    private final Path lockFile;
    private CheckedFile checked;

    private JsonFileStore(StoreLocator locator, Path file) {
        this.locator = locator;
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    }

    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        Path file = locator.path();
        if (Files.isDirectory(file)) {
            throw new StoreException(file + ": is a directory, not a JSON file; use jsondir:" + file + " for a directory of session files");
        }
        if (!Files.exists(file)) {
            if (mode == OpenMode.EXISTING) {
                throw new StoreException(file + ": no such file; give the path of an existing session-db.json");
            }
            createEmpty(file);
        }
        JsonFileStore store = new JsonFileStore(locator, file);
        store.checked();
        return store;
    }

    /** A new store is an empty bare array, as Minsky starts one; created atomically so a racing creator cannot clash. */
    private static void createEmpty(Path file) {
        try {
            Files.createDirectories(AtomicFiles.directoryOf(file));
            try (StoreFileLock lock = StoreFileLock.acquire(file.resolveSibling(file.getFileName() + ".lock"))) {
                if (!Files.exists(file)) {
                    AtomicFiles.write(file, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new StoreException(file + ": cannot create the store (" + e.getMessage() + "); check that the directory is writable", e);
        }
    }

    @Override
    public StoreLocator locator() {
        return locator;
    }

    @Override
    public StoreInfo info() {
        CheckedFile current = checked();
        return new StoreInfo(locator.display(), StoreFormat.JSON, StoreLayout.MINSKY, current.shape().describe(),
                current.count(), current.stamp().modified().toInstant(), List.of());
    }

    @Override
    public long count() {
        return checked().count();
    }

    @Override
    public Page page(SessionQuery query) {
        checked();
        PageScan scan = new PageScan(query);
        try (RecordCursor records = cursorOverFile()) {
            records.forEachRemaining(scan::offer);
        }
        return scan.page();
    }

    @Override
    public Optional<SessionRecord> get(String key) {
        checked();
        try (RecordCursor records = cursorOverFile()) {
            while (records.hasNext()) {
                SessionRecord record = records.next();
                if (record.key().equals(key)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public RecordCursor cursor() {
        checked();
        return cursorOverFile();
    }

    @Override
    public void write(WriteBatch batch, ProgressMonitor monitor) {
        try (StoreFileLock lock = StoreFileLock.acquire(lockFile)) {
            checked();
            Path temp = AtomicFiles.tempFileFor(file);
            try {
                long[] count = new long[1];
                AtomicFiles.writeDurably(temp, out -> count[0] = new BatchRewrite(file, batch, monitor).writeTo(out));
                JsonShape shape = checked.shape();
                AtomicFiles.replace(temp, file);
                remember(new CheckedFile(CheckedFile.Stamp.of(file), count[0], shape));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new StoreException(file + ": cannot write the store (" + e.getMessage()
                    + "); the file was not changed; check free space and permissions", e);
        }
    }

    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        return Set.of();
    }

    @Override
    public void close() {
        // Nothing stays open between calls: every read opens and closes the file itself.
    }

    private RecordCursor cursorOverFile() {
        return new JsonFileCursor(file);
    }

    /** The file's check, repeated when the file changed since (another writer, another tool). */
    private synchronized CheckedFile checked() {
        if (checked == null || !checked.isCurrent(file)) {
            checked = CheckedFile.check(file);
        }
        return checked;
    }

    private synchronized void remember(CheckedFile written) {
        checked = written;
    }
}
