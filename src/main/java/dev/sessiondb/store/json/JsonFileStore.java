package dev.sessiondb.store.json;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.file.FileFingerprint;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.TextCursor;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.store.file.ScanningStore;
import dev.sessiondb.store.file.StoreFileLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Minsky's {@code session-db.json}: a bare array, a {@code {"sessions": [...]}} object or a
 * backup wrapper. Reads stream the file; writes stream it into a temp file with the batch
 * applied and rename it over the original, under an exclusive lock held across the whole
 * read-modify-write, so two writers never lose an update and a crash never leaves half a file.
 */
public final class JsonFileStore extends ScanningStore {

    private final Path file;
    private final Path lockFile;
    private CheckedFile checked;

    private JsonFileStore(StoreLocator locator, Path file) {
        super(locator);
        this.file = file;
        this.lockFile = lockFileOf(file);
    }

    /** Opens the store and checks the whole file: a bad file fails here, naming what is wrong. */
    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        JsonFileStore store = openUnchecked(locator, mode);
        store.checked();
        return store;
    }

    /** For a job about to read every record: the file is checked by that read (see {@link #cursor()}), not by a read of its own first. */
    public static SessionStore openToReadThrough(StoreLocator locator) {
        return openUnchecked(locator, OpenMode.EXISTING);
    }

    /**
     * For a look at what the file holds (its count, its kinds where few): checked as {@link #open} checks it, without the key
     * index a page reads by; a check this process made of the file as it is now is taken as it is.
     */
    public static SessionStore openToLook(StoreLocator locator) {
        JsonFileStore store = openUnchecked(locator, OpenMode.EXISTING);
        store.checkedWithoutIndex();
        return store;
    }

    private static JsonFileStore openUnchecked(StoreLocator locator, OpenMode mode) {
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
        return new JsonFileStore(locator, realPath(file));
    }

    /** A new store is an empty bare array, as Minsky starts one; created atomically so a racing creator cannot clash. */
    private static void createEmpty(Path file) {
        try {
            AtomicFiles.createOwnerOnlyDirectories(AtomicFiles.directoryOf(file));
            try (StoreFileLock lock = StoreFileLock.acquire(lockFileOf(file))) {
                if (!Files.exists(file)) {
                    AtomicFiles.write(file, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new StoreException(file + ": cannot create the store (" + e.getMessage() + "); check that the directory is writable", e);
        }
    }

    /** Minsky kept its sessions in this file until it removed the JSON backend on 7 August 2025. */
    static final String MINSKY_ERA = "minsky-json (Minsky JSON file, until August 2025)";

    @Override
    public StoreInfo info() {
        CheckedFile current = checked();
        return new StoreInfo(locator().display(), StoreFormat.JSON, StoreLayout.MINSKY, current.shape().describe(),
                current.count(), current.stamp().modified().toInstant(), List.of(), MINSKY_ERA);
    }

    @Override
    public long count() {
        return checked().count();
    }

    /** A page in key order reads only its records, through the key index; any other query scans the file. */
    @Override
    public Page page(SessionQuery query) {
        if (KeyIndex.answers(query)) {
            Optional<Page> indexed = indexed().page(file, query);
            if (indexed.isPresent()) {
                return indexed.get();
            }
        }
        return super.page(query);
    }

    @Override
    public StoreFingerprint fingerprint() {
        return StoreFingerprint.ofFiles(count(), file);
    }

    /**
     * By the file's size, time and identity ({@link #writeMark}), not the fingerprint, whose count reads a changed file through
     * before it can tell, and cannot read one another program is midway through writing.
     */
    @Override
    public ChangeWatch watchChanges() {
        String start = FileFingerprint.of(file);
        return () -> !FileFingerprint.of(file).equals(start);
    }

    /** The file's size, time and identity: a writer that replaces it, or writes into it, changes them. */
    @Override
    public Optional<String> writeMark() {
        return Optional.of(FileFingerprint.of(file));
    }

    /** Known once the file was read through: by this store, or by another in this process since the file last changed. */
    @Override
    public OptionalLong knownCount() {
        return current().map(check -> OptionalLong.of(check.count())).orElse(OptionalLong.empty());
    }

    @Override
    public RecordCursor cursor() {
        return new JsonFileCursor(file, readCheck(), false);
    }

    /** Only while the file's check has a key index: a lookup without one reads the file. */
    @Override
    public boolean looksUpByKey() {
        return current().flatMap(CheckedFile::index).isPresent();
    }

    /**
     * Read where the file's key index says the record starts, when the file's check made one (an
     * opened store's, until its next write), instead of scanning the file for it: a verification
     * looks up every record whose text differs this way. Without an index, or when the file
     * changed under it, the file is scanned; no index is made for a lookup, so that a store
     * written to keeps to a small heap.
     */
    @Override
    public Optional<SessionRecord> get(String key) {
        Optional<KeyIndex> index = current().flatMap(CheckedFile::index);
        if (index.isEmpty()) {
            return super.get(key);
        }
        return index.get().holds(key) ? index.get().read(file, key).or(() -> super.get(key)) : Optional.empty();
    }

    /**
     * Each record's compact text, in its own field order, hashed: the file keeps every field of a
     * record as it comes, in order, so a verification of what this tool wrote needs neither side's
     * keys sorted and written out again (the canonical text took a third of an export's reading
     * thread, and as much of its read-back). A record another program wrote in another order
     * hashes differently and is then compared field by field ({@code Verification}).
     */
    @Override
    public String hashAsStored(SessionRecord record) {
        return RecordHash.ofCompactText(record);
    }

    /** Each record's compact text taken from the bytes it was parsed from, where that is the text Jackson writes for it. */
    @Override
    public HashCursor hashesInAnyOrder() {
        return HashCursor.ofCompactTexts(cursorForCopying());
    }

    @Override
    public RecordCursor cursorForCopying() {
        return new JsonFileCursor(file, readCheck(), true);
    }

    /**
     * Finds where every record lies in one read of the file without building the records, sorts
     * the keys, then takes each record's text from where it lies; a file in UTF-16 or UTF-32 has
     * no byte spans to take records from.
     */
    @Override
    public Optional<TextCursor> compactTextsInKeyOrder(Runnable read, ProgressMonitor monitor) {
        return KeyOrderedTexts.read(file, () -> new RecordSpans(file, readCheck()), read, monitor);
    }

    /** Takes each record's text from where the read finds it, as {@link #compactTextsInKeyOrder} does after its read. */
    @Override
    public Optional<TextCursor> compactTextsWhileInKeyOrder() {
        return FileOrderTexts.open(file, () -> new RecordSpans(file, readCheck()));
    }

    /** A file not checked yet is checked as the records are read, so a job's one pass reads it once. */
    private ReadCheck readCheck() {
        return current().isPresent() ? ReadCheck.none() : ReadCheck.of(file, this::remember);
    }

    @Override
    public void write(WriteBatch batch, ProgressMonitor monitor) {
        try (StoreFileLock lock = StoreFileLock.acquire(lockFile)) {
            CheckedFile before = checked();
            batch.requireUnchanged(locator(), () -> StoreFingerprint.ofFiles(before.count(), file));
            writeLocked(before, batch, monitor);
        }
    }

    /**
     * Compares and writes under the lock another sessiondb takes; a tool that takes no lock
     * (Minsky) and writes after the comparison is caught by the file check before the rename.
     */
    @Override
    public Optional<SessionRecord> writeIfUnchanged(String key, Optional<SessionRecord> expected, Optional<SessionRecord> replacement) {
        try (StoreFileLock lock = StoreFileLock.acquire(lockFile)) {
            CheckedFile compared = checked();
            StaleRecordException.requireUnchanged(locator(), key, expected, get(key));
            writeLocked(compared, WriteBatch.of(key, replacement), ProgressMonitor.NONE);
            return get(key);
        }
    }

    /** Writes the batch over the file as {@code before} saw it; refuses when another program changed the file since. */
    private void writeLocked(CheckedFile before, WriteBatch batch, ProgressMonitor monitor) {
        try {
            AtomicFiles.deleteLeftoverTemps(file);
            Path temp = AtomicFiles.tempFileFor(file);
            try {
                BatchRewrite rewrite = new BatchRewrite(file, batch, monitor);
                AtomicFiles.writeDurably(temp, rewrite::writeTo);
                if (!before.isCurrent(file)) {
                    // A tool that takes no lock (Minsky itself) wrote meanwhile: replacing its file would lose its update.
                    throw new StoreException(file + ": another program changed the file during the write; nothing was written;"
                            + " run the command again");
                }
                AtomicFiles.replace(temp, file);
                remember(new CheckedFile(CheckedFile.Stamp.of(file), rewrite.written(), before.shape(), Optional.empty()));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new StoreException(file + ": cannot write the store (" + e.getMessage()
                    + "); the file was not changed; check free space and permissions", e);
        }
    }

    /** Through symbolic links: a rename over the link itself would replace it by a copy and leave its target stale. */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new StoreException(file + ": cannot resolve the path (" + e.getMessage() + "); check that the file exists", e);
        }
    }

    /**
     * The sidecar file writers lock; readers never need it, as writers replace the file in one rename. A hidden sidecar, like the temporary files of atomic writes: it stays after a write (a lock
     * file cannot be deleted safely, as a waiting process may hold the deleted one), so it must
     * not sit beside the store as if it were a second store.
     */
    static Path lockFileOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    /** The file's check, repeated when the file changed since (another writer, another tool). */
    private synchronized CheckedFile checked() {
        return current().orElseGet(() -> {
            CheckedFile check = CheckedFile.check(file);
            remember(check);
            return check;
        });
    }

    private synchronized void checkedWithoutIndex() {
        if (current().isEmpty()) {
            remember(CheckedFile.checkWithoutIndex(file));
        }
    }

    /** This store's check of the file as it is now, or another store's in this process; empty when the file changed since. */
    private synchronized Optional<CheckedFile> current() {
        if (checked != null && checked.isCurrent(file)) {
            return Optional.of(checked);
        }
        Optional<CheckedFile> earlier = CheckedFile.lastOf(file).filter(check -> check.isCurrent(file));
        earlier.ifPresent(check -> checked = check);
        return earlier;
    }

    /** The key index of the current file; after a write, the next page checks the file again to build it. */
    private synchronized KeyIndex indexed() {
        CheckedFile current = checked();
        if (current.index().isEmpty()) {
            checked = CheckedFile.check(file);
            current = checked;
        }
        return current.index().orElseThrow();
    }

    private synchronized void remember(CheckedFile check) {
        checked = check;
        CheckedFile.keep(file, check);
    }
}
