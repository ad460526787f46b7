package dev.sessiondb.diff;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.StoredHash;
import dev.sessiondb.store.SessionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares two stores of any formats: a merge of both in binary key order ({@link KeyOrder}).
 * A SQL store hands its records over in that order; a JSON store's come in file order and are
 * put in key order by an external sort, so memory stays bounded by the sort buffers whatever
 * the store sizes.
 */
public final class StoreDiff {

    /** Characters of record JSON each side buffers before spilling a sorted run (about 64 MB per side). */
    public static final long DEFAULT_BUFFER_CHARS = 32L * 1024 * 1024;

    private final RecordDiff recordDiff;
    private final long bufferChars;

    public StoreDiff(Set<String> ignoredPaths) {
        this(ignoredPaths, DEFAULT_BUFFER_CHARS);
    }

    /** @param bufferChars sort buffer per side; tests make it small to exercise spilling */
    public StoreDiff(Set<String> ignoredPaths, long bufferChars) {
        this.recordDiff = new RecordDiff(ignoredPaths);
        this.bufferChars = bufferChars;
    }

    public DiffSummary compare(SessionStore a, SessionStore b, DiffListener listener, ProgressMonitor monitor) {
        long total = a.knownCount().isPresent() && b.knownCount().isPresent() ? a.knownCount().getAsLong() + b.knownCount().getAsLong() : -1;
        if (a.cursorInKeyOrder() && b.cursorInKeyOrder() && a.hashesStoredText() && b.hashesStoredText()) {
            return mergeStoredHashes(a, b, total, listener, monitor);
        }
        Path tempDir = createTempDir();
        Runnable counter = progressCounter(total, monitor);
        try (KeyOrderedRecords recordsA = inKeyOrder(a, tempDir, counter, monitor);
             KeyOrderedRecords recordsB = inKeyOrder(b, tempDir, counter, monitor)) {
            return merge(recordsA, recordsB, listener, monitor);
        } finally {
            deleteTree(tempDir);
        }
    }

    /** A store whose cursor is in key order is merged as it is read; any other is sorted first. Both are read ahead. */
    private KeyOrderedRecords inKeyOrder(SessionStore store, Path tempDir, Runnable read, ProgressMonitor monitor) {
        if (store.cursorInKeyOrder()) {
            return new StoreOrderedRecords(store, read, monitor);
        }
        try (RecordCursor cursor = ReadAhead.records(store.cursor())) {
            return KeySortedRecords.sort(cursor, tempDir, bufferChars, read, monitor);
        }
    }

    private static Runnable progressCounter(long total, ProgressMonitor monitor) {
        long[] read = {0};
        return () -> monitor.progress(++read[0], total);
    }

    /**
     * Two stores that hand over their keys in order and hash the text they keep are merged as
     * they are read, each read ahead on a thread of its own, without parsing: equal text is an
     * identical record, and only a record whose hashes differ is parsed on both sides and compared
     * field by field (its text may differ where its fields do not).
     */
    private DiffSummary mergeStoredHashes(SessionStore a, SessionStore b, long total, DiffListener listener, ProgressMonitor monitor) {
        long onlyInA = 0;
        long onlyInB = 0;
        long changed = 0;
        long identical = 0;
        long read = 0;
        try (OrderedHashes hashesA = new OrderedHashes(a); OrderedHashes hashesB = new OrderedHashes(b)) {
            while (hashesA.peek() != null || hashesB.peek() != null) {
                monitor.checkCancelled();
                StoredHash hashA = hashesA.peek();
                StoredHash hashB = hashesB.peek();
                int order = hashA == null ? 1 : hashB == null ? -1 : KeyOrder.compare(hashA.key(), hashB.key());
                if (order < 0) {
                    listener.onlyInA(hashesA.next().key());
                    onlyInA++;
                } else if (order > 0) {
                    listener.onlyInB(hashesB.next().key());
                    onlyInB++;
                } else {
                    String key = hashesA.next().key();
                    hashesB.next();
                    List<FieldChange> changes = hashA.hash().equals(hashB.hash()) ? List.of() : recordDiff.compare(record(a, hashA), record(b, hashB));
                    if (changes.isEmpty()) {
                        listener.identical(key);
                        identical++;
                    } else {
                        listener.changed(new SessionChange(key, changes));
                        changed++;
                    }
                }
                read += order == 0 ? 2 : 1;
                monitor.progress(read, total);
            }
        }
        return new DiffSummary(onlyInA, onlyInB, changed, identical);
    }

    /** The record whose hash was read: from the text hashed when the cursor kept it, else fetched. */
    private static SessionRecord record(SessionStore store, StoredHash hash) {
        if (hash.record() != null) {
            return hash.record().get();
        }
        return store.get(hash.key()).orElseThrow(() -> new IllegalStateException(store.locator().display() + ": session " + hash.key()
                + " went away during the diff; run the diff again"));
    }

    /**
     * Compares two record streams in any order.
     *
     * @param total how many records both streams hold together, for progress; -1 when unknown
     */
    public DiffSummary compare(Iterator<SessionRecord> a, Iterator<SessionRecord> b, long total,
                               DiffListener listener, ProgressMonitor monitor) {
        Path tempDir = createTempDir();
        Runnable counter = progressCounter(total, monitor);
        try (KeySortedRecords sortedA = KeySortedRecords.sort(a, tempDir, bufferChars, counter, monitor);
             KeySortedRecords sortedB = KeySortedRecords.sort(b, tempDir, bufferChars, counter, monitor)) {
            return merge(sortedA, sortedB, listener, monitor);
        } finally {
            deleteTree(tempDir);
        }
    }

    private DiffSummary merge(KeyOrderedRecords a, KeyOrderedRecords b, DiffListener listener, ProgressMonitor monitor) {
        long onlyInA = 0;
        long onlyInB = 0;
        long changed = 0;
        long identical = 0;
        while (a.hasNext() || b.hasNext()) {
            monitor.checkCancelled();
            String keyA = a.peekKey();
            String keyB = b.peekKey();
            int order = keyA == null ? 1 : keyB == null ? -1 : KeyOrder.compare(keyA, keyB);
            if (order < 0) {
                listener.onlyInA(a.next().key());
                onlyInA++;
            } else if (order > 0) {
                listener.onlyInB(b.next().key());
                onlyInB++;
            } else {
                SessionRecord recordA = a.next();
                List<FieldChange> changes = recordDiff.compare(recordA, b.next());
                if (changes.isEmpty()) {
                    listener.identical(recordA.key());
                    identical++;
                } else {
                    listener.changed(new SessionChange(recordA.key(), changes));
                    changed++;
                }
            }
        }
        return new DiffSummary(onlyInA, onlyInB, changed, identical);
    }

    private static Path createTempDir() {
        try {
            Path dir = Files.createTempDirectory("sessiondb-diff-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the diff: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the diff's temporary files in " + dir + ": " + e.getMessage(), e);
        }
    }
}
