package dev.sessiondb.diff;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.KeysOutOfOrder;
import dev.sessiondb.store.PairedTexts;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.TextCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compares two stores of any formats: a merge of both in binary key order ({@link BinaryKeyOrder}),
 * record by record as their compact texts, byte for byte, or as the database that reads both pairs
 * them ({@link SessionStore#pairedWith}). No hash decides that two records are the same. A SQL
 * store hands its records over in that order; a JSON file's keys and the places of its records
 * are sorted in memory (about what its key index holds); a store that can do neither has its
 * records put in key order by an external sort, in memory bounded by the sort buffers whatever
 * the store's size. A JSON file whose records come in key order (one this tool wrote) is merged
 * as it is read, in one read.
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
        Predicate<FieldChange> keptAlike = keptAlike(a, b);
        Optional<PairedTexts> paired = a.pairedWith(b, monitor);
        if (paired.isPresent()) {
            try (PairedTexts pairs = paired.get()) {
                return merge(pairs, new Tally(listener, keptAlike, new KindsMet(a.onlyKindHeld(), b.onlyKindHeld())), a, b, monitor);
            }
        }
        OptionalLong countA = a.knownCount();
        OptionalLong countB = b.knownCount();
        // an empty side shares no kind, and is not said to: the other side's records need not be told
        boolean oneEmpty = countA.equals(OptionalLong.of(0)) || countB.equals(OptionalLong.of(0));
        Supplier<KindsMet> kinds = () -> oneEmpty ? KindsMet.unsaid() : new KindsMet(a.onlyKindHeld(), b.onlyKindHeld());
        long total = countA.isPresent() && countB.isPresent() ? countA.getAsLong() + countB.getAsLong() : -1;
        Optional<DiffSummary> inOneRead = mergedAsRead(a, b, listener, keptAlike, kinds, total, monitor);
        if (inOneRead.isPresent()) {
            return inOneRead.get();
        }
        Tally tally = new Tally(listener, keptAlike, kinds.get());
        Runnable counter = progressCounter(total, monitor);
        Path tempDir = createTempDir();
        try (OrderedTexts textsA = inKeyOrder(a, tempDir, counter, monitor); OrderedTexts textsB = inKeyOrder(b, tempDir, counter, monitor)) {
            return merge(textsA, textsB, tally, monitor);
        } finally {
            deleteTree(tempDir);
        }
    }

    /**
     * A store's records as their compact texts in key order: a store whose cursor is in key order
     * hands them over as it reads them (a store keeping text this tool wrote, without parsing it);
     * a store that can read a record again from where it found it (a JSON file) sorts its keys and
     * places first, then takes each text from its place ({@link SessionStore#compactTextsInKeyOrder});
     * both on a thread of their own while this one compares. Any other is sorted first
     * ({@link KeySortedText}).
     */
    private OrderedTexts inKeyOrder(SessionStore store, Path tempDir, Runnable read, ProgressMonitor monitor) {
        String name = store.locator().display();
        if (store.cursorInKeyOrder()) {
            return new OrderedTexts(name, ReadAhead.texts(store.compactTexts()), read);
        }
        Optional<TextCursor> inOrder = store.compactTextsInKeyOrder(read, monitor);
        if (inOrder.isPresent()) {
            return new OrderedTexts(name, ReadAhead.texts(inOrder.get()), () -> { });
        }
        try (RecordCursor cursor = ReadAhead.records(store.cursor())) {
            return sorted(name, cursor, tempDir, read, monitor);
        }
    }

    /**
     * Both stores merged as they are read, where one is a store read on the chance that its records
     * come in key order ({@link SessionStore#compactTextsWhileInKeyOrder}: a JSON file this tool
     * wrote) and the other is in key order or read so too: such a file is read once, not once for
     * its keys and again for its texts. The findings are held until both sides have ended in order,
     * then handed on. Empty, having handed nothing on, when a key comes out of order or the findings
     * outgrow what a side's sort buffer holds: the diff then starts again the way that does not
     * depend on the order, the read so far lost.
     */
    private Optional<DiffSummary> mergedAsRead(SessionStore a, SessionStore b, DiffListener listener,
                                               Predicate<FieldChange> keptAlike, Supplier<KindsMet> kinds, long total,
                                               ProgressMonitor monitor) {
        if (a.cursorInKeyOrder() && b.cursorInKeyOrder()) {
            return Optional.empty();
        }
        Runnable counter = progressCounter(total, monitor);
        Optional<OrderedTexts> textsA = asRead(a, counter);
        if (textsA.isEmpty()) {
            return Optional.empty();
        }
        HeldFindings held = new HeldFindings(bufferChars);
        try (OrderedTexts sideA = textsA.get(); OrderedTexts sideB = asRead(b, counter).orElse(null)) {
            if (sideB == null) {
                return Optional.empty();
            }
            DiffSummary summary = merge(sideA, sideB, new Tally(held, keptAlike, kinds.get()), monitor);
            held.handTo(listener);
            return Optional.of(summary);
        } catch (KeysOutOfOrder | HeldFindings.Full startAgain) {
            return Optional.empty();
        }
    }

    /** A store's texts as it reads them, each counted on {@code read}: in key order, or read on the chance of it; empty for a store that can do neither. */
    private static Optional<OrderedTexts> asRead(SessionStore store, Runnable read) {
        String name = store.locator().display();
        if (store.cursorInKeyOrder()) {
            return Optional.of(new OrderedTexts(name, ReadAhead.texts(store.compactTexts()), read));
        }
        return store.compactTextsWhileInKeyOrder().map(texts -> new OrderedTexts(name, ReadAhead.texts(texts), read));
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
        try (OrderedTexts sortedA = sorted("the first records", a, tempDir, counter, monitor);
             OrderedTexts sortedB = sorted("the second records", b, tempDir, counter, monitor)) {
            return merge(sortedA, sortedB, new Tally(listener, change -> false, new KindsMet(Optional.empty(), Optional.empty())), monitor);
        } finally {
            deleteTree(tempDir);
        }
    }

    /** Records in any order, sorted first: each counted on {@code read} as the sort reads it. */
    private OrderedTexts sorted(String name, Iterator<SessionRecord> records, Path tempDir, Runnable read, ProgressMonitor monitor) {
        return new OrderedTexts(name, KeySortedText.sort(records, tempDir, bufferChars, read, monitor), () -> { });
    }

    /**
     * Both sides in key order, merged as they come: the same text is an identical record, and only
     * a record whose texts differ is parsed on both sides and compared field by field (its text may
     * differ where its fields do not: field order, number forms).
     */
    private DiffSummary merge(OrderedTexts a, OrderedTexts b, Tally tally, ProgressMonitor monitor) {
        while (a.peek() != null || b.peek() != null) {
            monitor.checkCancelled();
            KeyedText textA = a.peek();
            KeyedText textB = b.peek();
            int order = textA == null ? 1 : textB == null ? -1 : BinaryKeyOrder.compare(textA.key(), textB.key());
            if (order < 0) {
                tally.onlyInA(a.next());
            } else if (order > 0) {
                tally.onlyInB(b.next());
            } else {
                a.next();
                b.next();
                tally.inBoth(textA.key(), textA.sameText(textB), textA.record(), textB.record());
            }
        }
        return tally.summary();
    }

    /**
     * The keys the database found not the same on both sides; the others are only counted. The
     * database steps on a thread of its own while this one compares the records that differ. A key
     * on one side only comes without its text: where nothing in both told a shared kind of session,
     * the stores count their kinds ({@link SessionStore#kindsHeld}, in the database).
     */
    private DiffSummary merge(PairedTexts pairs, Tally tally, SessionStore a, SessionStore b, ProgressMonitor monitor) {
        try (ReadAhead<PairedTexts.Pair> found = ReadAhead.mapped(pairs, Function.identity())) {
            while (found.hasNext()) {
                monitor.checkCancelled();
                PairedTexts.Pair pair = found.next();
                if (!pair.inSecond()) {
                    tally.onlyInA(pair.key());
                } else if (!pair.inFirst()) {
                    tally.onlyInB(pair.key());
                } else {
                    tally.inBoth(pair.key(), false, pair.first(), pair.second());
                }
            }
        }
        tally.identical(pairs.sameText());
        tally.kindsUnlessMet(a, b);
        return tally.summary();
    }

    /** A session of {@code a} and one of {@code b}: their field changes, and first, when they are different tools' sessions, that they are. */
    public SessionsCompared compareSessions(SessionStore a, SessionStore b, SessionRecord recordA, SessionRecord recordB) {
        return new SessionsCompared(changes(a, b, recordA, recordB), KindsMet.apart(recordA, recordB).orElse(null));
    }

    /** The field changes between a session of {@code a} and one of {@code b}, as {@link #compare} counts them. */
    public List<FieldChange> changes(SessionStore a, SessionStore b, SessionRecord recordA, SessionRecord recordB) {
        return recordDiff.compare(recordA, recordB).stream().filter(keptAlike(a, b).negate()).toList();
    }

    /**
     * A change only in how one side's store keeps a value: it holds what its store reads back for the
     * other side's value (Minsky's layout: no value for {@code prApproved: false} or a null, a date in
     * its millisecond text), which a verification of a migration between them counts as the same too.
     */
    private static Predicate<FieldChange> keptAlike(SessionStore a, SessionStore b) {
        return change -> b.readsBackAs(change.path(), change.a(), change.b()) || a.readsBackAs(change.path(), change.b(), change.a());
    }

    /** Hands each key's finding to the listener and counts it, and meets the kinds of the records it is given. */
    private final class Tally {

        private final DiffListener listener;
        private final Predicate<FieldChange> keptAlike;
        private final KindsMet kinds;
        private long onlyInA;
        private long onlyInB;
        private long changed;
        private long identical;

        Tally(DiffListener listener, Predicate<FieldChange> keptAlike, KindsMet kinds) {
            this.listener = listener;
            this.keptAlike = keptAlike;
            this.kinds = kinds;
        }

        void onlyInA(KeyedText text) {
            onlyInA(text.key());
            kinds.inA(text.text());
        }

        void onlyInB(KeyedText text) {
            onlyInB(text.key());
            kinds.inB(text.text());
        }

        /** A key without its record: its kind is not met. */
        void onlyInA(String key) {
            listener.onlyInA(key);
            onlyInA++;
        }

        void onlyInB(String key) {
            listener.onlyInB(key);
            onlyInB++;
        }

        /**
         * After keys met without their records, the kinds the stores hold, unless a kind was already met on both sides or a side
         * held no session (it shares no kind, and is not said to).
         */
        void kindsUnlessMet(SessionStore a, SessionStore b) {
            if ((onlyInA > 0 || onlyInB > 0) && (onlyInA > 0 || changed > 0) && (onlyInB > 0 || changed > 0)) {
                kinds.heldBy(a, b);
            }
        }

        /**
         * Equal text is an identical record; other text is parsed on both sides and compared field by field
         * (the changes kept alike left out in a loop, not a stream: run for each change, it is less for the JIT to compile).
         */
        void inBoth(String key, boolean sameText, Supplier<SessionRecord> a, Supplier<SessionRecord> b) {
            if (sameText) {
                identical(1);
                return;
            }
            SessionRecord recordA = a.get();
            SessionRecord recordB = b.get();
            List<FieldChange> changes = new ArrayList<>();
            for (FieldChange change : recordDiff.compare(recordA, recordB)) {
                if (!keptAlike.test(change)) {
                    changes.add(change);
                }
            }
            if (changes.isEmpty()) {
                identical(1);
            } else {
                listener.changed(new SessionChange(key, changes));
                kinds.changed(recordA, recordB);
                changed++;
            }
        }

        void identical(long records) {
            if (records > 0) {
                kinds.inBothAlike();
            }
            identical += records;
        }

        DiffSummary summary() {
            return new DiffSummary(onlyInA, onlyInB, changed, identical, kinds.apart().orElse(null));
        }
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
