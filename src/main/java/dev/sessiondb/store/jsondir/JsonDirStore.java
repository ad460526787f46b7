package dev.sessiondb.store.jsondir;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.LoneSurrogates;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.file.FileFingerprint;
import dev.sessiondb.store.file.ScanningStore;
import dev.sessiondb.store.file.StoreFileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A directory with one {@code <key>.json} file per session, as magellai keeps them (any record
 * shape: Minsky records keep {@code session}, magellai's {@code id}). Bulk writes go through a
 * {@link DirTransaction}, so a batch lands whole or not at all, even when the process is killed.
 */
public final class JsonDirStore extends ScanningStore {

    static final String LOCK_FILE = ".sessiondb.lock";

    private final Path dir;
    private final SessionDirectory sessions;
    /** Whether reads leave out the files found unreadable on open, instead of refusing. */
    private final boolean skipping;
    /** The files that did not read as sessions when the store was opened, by name. */
    private List<SessionDirectory.Unreadable> unreadable = List.of();

    private JsonDirStore(StoreLocator locator, Path dir, boolean skipping) {
        super(locator);
        this.dir = dir;
        this.sessions = new SessionDirectory(dir);
        this.skipping = skipping;
    }

    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        Path dir = locator.path();
        if (Files.isRegularFile(dir)) {
            throw new StoreException(dir + ": is a file, not a directory of sessions; use json:" + dir + " for a session-db.json");
        }
        try {
            if (!Files.isDirectory(dir)) {
                if (mode == OpenMode.EXISTING) {
                    throw new StoreException(dir + ": no such directory; give a directory of session files such as ~/.config/magellai/sessions");
                }
                AtomicFiles.createOwnerOnlyDirectories(dir);
            }
            JsonDirStore store = new JsonDirStore(locator, dir, false);
            if (Files.isDirectory(dir.resolve(DirTransaction.DIRECTORY))) {
                try (StoreFileLock lock = store.lock()) {
                    DirTransaction.recover(dir);
                }
            }
            // every file is read once: a duplicate key is refused now, and unreadable files are named all at once by the first read
            store.unreadable = store.sessions.scan().unreadable();
            return store;
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot open the directory (" + e.getMessage() + "); check that it exists and is writable", e);
        }
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo(locator().display(), StoreFormat.JSONDIR, StoreLayout.MAGELLAI, "one JSON file per session",
                count(), sessions.lastModified(), List.of());
    }

    @Override
    public long count() {
        return readableFiles().size();
    }

    /** Every file's size, time and identity: a program that rewrites a file in place changes no directory time. */
    @Override
    public StoreFingerprint fingerprint() {
        return new StoreFingerprint(sessions.files().size(), FileFingerprint.of(dir));
    }

    /** Every session file's size, time and identity, the folder's hidden entries (a writer's lock) left out. */
    @Override
    public Optional<String> writeMark() {
        return Optional.of(FileFingerprint.of(dir));
    }

    @Override
    public List<String> unreadableParts() {
        return unreadable.stream().map(SessionDirectory.Unreadable::described).toList();
    }

    /** The same folder, its reads leaving out the files found unreadable on open; they stay as they are. */
    @Override
    public SessionStore skippingUnreadable() {
        JsonDirStore skipping = new JsonDirStore(locator(), dir, true);
        skipping.unreadable = unreadable;
        return skipping;
    }

    /** The files a read takes: every session file, but those found unreadable when skipping; while any is unreadable, a refusal naming all. */
    private List<Path> readableFiles() {
        requireReadable();
        Set<String> left = unreadableNames();
        return sessions.files().stream().filter(file -> !left.contains(file.getFileName().toString())).toList();
    }

    private void requireReadable() {
        if (!skipping && !unreadable.isEmpty()) {
            throw sessions.refusal(unreadable, SessionDirectory::readAdvice);
        }
    }

    private Set<String> unreadableNames() {
        return unreadable.stream().map(SessionDirectory.Unreadable::name).collect(Collectors.toSet());
    }

    /** A session's file is named after its key. */
    @Override
    public boolean looksUpByKey() {
        return true;
    }

    /** The file named after the key first; a scan only when the session lives in a file named otherwise. */
    @Override
    public List<String> refusals(SessionRecord record) {
        List<String> refusals = new ArrayList<>();
        LoneSurrogates.keyRefusal(record.key(), "a file name").ifPresent(refusals::add);
        int length = KeyFileNames.fileName(record.key()).length();
        if (length > KeyFileNames.LONGEST) {
            refusals.add("its session name makes a file name of " + length + " characters (each character beyond letters, digits, '-', '_'"
                    + " and '.' takes three), longer than the " + KeyFileNames.LONGEST + " a file name holds; shorten the session name, or write"
                    + " it to a JSON file or a SQLite store");
        }
        return refusals;
    }

    @Override
    public Optional<SessionRecord> get(String key) {
        requireReadable();
        Path named = dir.resolve(KeyFileNames.fileName(key));
        if (Files.isRegularFile(named) && !unreadableNames().contains(named.getFileName().toString())) {
            SessionRecord record = SessionFile.read(named);
            if (record.key().equals(key)) {
                return Optional.of(record);
            }
        }
        return super.get(key);
    }

    @Override
    public RecordCursor cursor() {
        return new JsonDirCursor(readableFiles());
    }

    @Override
    public void write(WriteBatch batch, ProgressMonitor monitor) {
        try (StoreFileLock lock = lock()) {
            batch.requireUnchanged(locator(), this::fingerprint);
            writeLocked(batch, monitor);
        }
    }

    /** Compares and writes under the directory's lock, which every sessiondb writer takes. */
    @Override
    public Optional<SessionRecord> writeIfUnchanged(String key, Optional<SessionRecord> expected, Optional<SessionRecord> replacement) {
        try (StoreFileLock lock = lock()) {
            // a batch another process committed but did not finish moving in is part of what the record is now
            DirTransaction.recover(dir);
            StaleRecordException.requireUnchanged(locator(), key, expected, get(key));
            writeLocked(WriteBatch.of(key, replacement), ProgressMonitor.NONE);
            return get(key);
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot finish an interrupted write (" + e.getMessage()
                    + "); nothing was changed; check free space and permissions", e);
        }
    }

    private void writeLocked(WriteBatch batch, ProgressMonitor monitor) {
        try {
            DirTransaction.recover(dir);
            SessionDirectory.Scan scan = sessions.scan();
            if (!scan.unreadable().isEmpty()) {
                // a file that does not read may hold the session a write would put beside it, or be a file of another program's
                throw sessions.refusal(scan.unreadable(), SessionDirectory::writeAdvice);
            }
            Map<String, String> existing = scan.fileNamesByKey();
            DirTransaction transaction = DirTransaction.begin(dir);
            try {
                transaction.markCommitted(stage(transaction, batch, existing, monitor));
            } catch (IOException | RuntimeException e) {
                transaction.discard();
                throw e;
            }
            applyCommitted(transaction);
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot write the sessions (" + e.getMessage()
                    + "); nothing was changed; check free space and permissions", e);
        }
    }

    /** Stages the batch's files and returns the file names the commit deletes. */
    private Set<String> stage(DirTransaction transaction, WriteBatch batch, Map<String, String> existing,
                              ProgressMonitor monitor) throws IOException {
        Map<String, String> keysByName = new HashMap<>();
        existing.forEach((key, name) -> keysByName.put(name, key));
        Map<String, String> staged = new HashMap<>();
        Set<String> deletions = new LinkedHashSet<>();
        long done = 0;
        while (batch.upserts().hasNext()) {
            monitor.checkCancelled();
            SessionRecord record = batch.upserts().next();
            String name = fileNameFor(record.key(), existing, staged);
            String holder = keysByName.get(name);
            if (holder != null && !holder.equals(record.key()) && !batch.replaceAll()) {
                throw new StoreException(dir.resolve(name) + ": holds session '" + holder + "', so session '" + record.key()
                        + "' cannot be written there; rename that file after its session; nothing was changed");
            }
            String before = staged.putIfAbsent(name, record.key());
            if (before != null) {
                throw new StoreException(dir.resolve(name) + ": sessions '" + before + "' and '" + record.key() + "' would both be written to"
                        + " this file (one of them is kept in a file named after the other); rename that file after its session; nothing was changed");
            }
            transaction.stage(name, record);
            String previous = existing.get(record.key());
            if (previous != null && !previous.equals(name)) {
                deletions.add(previous);
            }
            monitor.progress(++done, batch.expectedCount());
        }
        if (batch.replaceAll()) {
            existing.values().stream().filter(name -> !staged.containsKey(name)).forEach(deletions::add);
        } else {
            batch.deletes().stream().map(existing::get)
                    .filter(name -> name != null && !staged.containsKey(name)).forEach(deletions::add);
        }
        // a file another session of the batch now takes is written, never deleted
        deletions.removeAll(staged.keySet());
        monitor.checkCancelled();
        return deletions;
    }

    /**
     * A session already in the folder is written back to its own file, whatever its name ({@code a b.json}, a name
     * that is not its id): a tool that finds sessions by file name still finds it. A new one gets a file named
     * after its key; so does one whose file a new session of the same replace has already taken.
     */
    private static String fileNameFor(String key, Map<String, String> existing, Map<String, String> staged) {
        String own = existing.get(key);
        return own != null && !staged.containsKey(own) ? own : KeyFileNames.fileName(key);
    }

    /** Past the commit marker a failure is not undone: the next open or write rolls the batch forward. */
    private void applyCommitted(DirTransaction transaction) {
        try {
            transaction.apply();
        } catch (IOException e) {
            throw new StoreException(dir + ": the batch is committed but could not be moved in completely (" + e.getMessage()
                    + "); it is completed the next time the store is opened; check free space and permissions", e);
        }
    }

    private StoreFileLock lock() {
        return StoreFileLock.acquire(dir.resolve(LOCK_FILE));
    }
}
