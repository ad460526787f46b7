package dev.sessiondb.diff;

import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.HashCursor;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares two stores of any formats: a merge of both in binary key order ({@link KeyOrder}),
 * record by record as the hashes of their text. A SQL store hands its records over in that order;
 * a JSON store's come in file order and are put in key order by an external sort, so memory stays
 * bounded by the sort buffers whatever the store sizes.
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
        OptionalLong countA = a.knownCount();
        OptionalLong countB = b.knownCount();
        long total = countA.isPresent() && countB.isPresent() ? countA.getAsLong() + countB.getAsLong() : -1;
        Path tempDir = createTempDir();
        Runnable counter = progressCounter(total, monitor);
        try (OrderedHashes hashesA = inKeyOrder(a, tempDir, counter, monitor); OrderedHashes hashesB = inKeyOrder(b, tempDir, counter, monitor)) {
            return merge(hashesA, hashesB, listener, monitor);
        } finally {
            deleteTree(tempDir);
        }
    }

    /**
     * A store's records as the hashes of their text in key order, read ahead: a store keeping text
     * this tool wrote hands over its stored hashes without parsing; another whose cursor is in key
     * order has each record's compact text hashed as it is read; any other (a JSON file) is sorted
     * first ({@link KeySortedText}).
     */
    private OrderedHashes inKeyOrder(SessionStore store, Path tempDir, Runnable read, ProgressMonitor monitor) {
        String name = store.locator().display();
        if (store.cursorInKeyOrder() && store.hashesStoredText()) {
            return new OrderedHashes(name, ReadAhead.hashes(store.hashes()), read);
        }
        if (store.cursorInKeyOrder()) {
            // the compact text is what a native store keeps of a record this tool wrote
            return new OrderedHashes(name, ReadAhead.hashes(HashCursor.of(store.cursor(),
                    record -> new StoredHash(record.key(), RecordHash.ofText(record.compact()), () -> record))), read);
        }
        try (RecordCursor cursor = ReadAhead.records(store.cursor())) {
            return sorted(name, cursor, tempDir, read, monitor);
        }
    }

    private static Runnable progressCounter(long total, ProgressMonitor monitor) {
        long[] read = {0};
        return () -> monitor.progress(++read[0], total);
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
        try (OrderedHashes sortedA = sorted("the first records", a, tempDir, counter, monitor);
             OrderedHashes sortedB = sorted("the second records", b, tempDir, counter, monitor)) {
            return merge(sortedA, sortedB, listener, monitor);
        } finally {
            deleteTree(tempDir);
        }
    }

    /** Records in any order, sorted first: each counted on {@code read} as the sort reads it. */
    private OrderedHashes sorted(String name, Iterator<SessionRecord> records, Path tempDir, Runnable read, ProgressMonitor monitor) {
        return new OrderedHashes(name, KeySortedText.sort(records, tempDir, bufferChars, read, monitor), () -> { });
    }

    /**
     * Both sides in key order, merged as they come: equal text is an identical record, and only a
     * record whose hashes differ is parsed on both sides and compared field by field (its text may
     * differ where its fields do not: field order, number forms).
     */
    private DiffSummary merge(OrderedHashes a, OrderedHashes b, DiffListener listener, ProgressMonitor monitor) {
        long onlyInA = 0;
        long onlyInB = 0;
        long changed = 0;
        long identical = 0;
        while (a.peek() != null || b.peek() != null) {
            monitor.checkCancelled();
            StoredHash hashA = a.peek();
            StoredHash hashB = b.peek();
            int order = hashA == null ? 1 : hashB == null ? -1 : KeyOrder.compare(hashA.key(), hashB.key());
            if (order < 0) {
                listener.onlyInA(a.next().key());
                onlyInA++;
            } else if (order > 0) {
                listener.onlyInB(b.next().key());
                onlyInB++;
            } else {
                a.next();
                b.next();
                List<FieldChange> changes = hashA.hash().equals(hashB.hash()) ? List.of() : recordDiff.compare(hashA.record().get(), hashB.record().get());
                if (changes.isEmpty()) {
                    listener.identical(hashA.key());
                    identical++;
                } else {
                    listener.changed(new SessionChange(hashA.key(), changes));
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
