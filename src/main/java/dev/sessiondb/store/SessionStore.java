package dev.sessiondb.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.progress.ProgressMonitor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A session store of any format and layout. Every backend passes the same conformance
 * suite, so the jobs, the CLI and the desktop app never ask which one they hold.
 *
 * <p>Writes are atomic: a write either completes or leaves the store as it was, also when
 * the process is killed. Reads never change the store, nor its schema.</p>
 */
public interface SessionStore extends AutoCloseable {

    StoreLocator locator();

    StoreInfo info();

    long count();

    /**
     * The count when the store knows it without reading every record, for progress: a JSON
     * file not read through yet does not, and is checked while a job's one pass reads it.
     */
    default OptionalLong knownCount() {
        return OptionalLong.of(count());
    }

    /**
     * A page of sessions for a query: search, filters, sort, keyset or offset paging. A page is a listing: a
     * record whose stored text no longer reads is in it as its stand-in ({@link SessionRecord#unreadable}).
     */
    Page page(SessionQuery query);

    /**
     * The records of {@link #page}, without the count of every match, which a listing does not
     * show and a broad search in a large SQL store spends seconds on.
     */
    default List<SessionRecord> pageRecords(SessionQuery query) {
        return page(query).records();
    }

    /**
     * Whether {@link #page} reads every record to search or filter (a file store), so that its
     * count of the matches costs nothing more than their first page.
     */
    default boolean searchReadsEveryRecord() {
        return false;
    }

    Optional<SessionRecord> get(String key);

    /**
     * Whether {@link #get} reads about one record rather than the store: a job compares many
     * records by key only where it does, and by one more read of the store elsewhere.
     */
    default boolean looksUpByKey() {
        return true;
    }

    /**
     * The values a field has among the sessions {@code within} matches (its search and filters;
     * its sort and page do not count), with how many sessions have each, the most frequent first
     * (ties by value), at most {@code limit} of them: the pick list of a column filter.
     */
    List<ValueCount> distinctValues(SortKey field, SessionQuery within, int limit);

    /** All records in constant memory: key order for SQL stores, file order for JSON. */
    RecordCursor cursor();

    /**
     * Whether any session has a value in {@code field} ({@link SortKey#valueOf}): why a filter on it matched none. Read until the
     * first that has one, every session where none has; a store with a column for the field asks it in one query instead.
     */
    default boolean anyHas(SortKey field) {
        try (RecordCursor records = cursor()) {
            while (records.hasNext()) {
                if (field.valueOf(records.next()).isPresent()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * As {@link #cursor()}, for a pass that writes every record into another store: a store that
     * can hand each record's compact text over for less than writing the record out again (a JSON
     * file, from the bytes each record was parsed from) does, which a store keeping text then writes.
     */
    default RecordCursor cursorForCopying() {
        return cursor();
    }

    /**
     * All records in any order, each holding at least its key and {@code fields}: for a pass that
     * reads a few top-level fields of every record and does not depend on their order
     * (validation's survey). A store that keeps those fields in columns of their own reads only
     * them, in the order it stores them, without parsing records; others give whole records.
     */
    default RecordCursor cursorOf(Set<SessionField> fields) {
        return cursor();
    }

    /** Whether {@link #cursor()} gives the records in key order, so that a page sorted by key is in the store's own order too. */
    default boolean cursorInKeyOrder() {
        return false;
    }

    /**
     * Every record's key and hash as this store keeps it ({@link #hashAsStored}), in constant
     * memory and in whatever order this store reads fastest: what a verification reads back, looking
     * each key up. A store that keeps each record as text it wrote hashes that text without parsing
     * it; others hash each record's canonical JSON. A SQL store scans its table instead of walking
     * its key index.
     */
    default HashCursor hashesInAnyOrder() {
        return HashCursor.of(cursor());
    }

    /**
     * Every record's key and compact text, in the order of {@link #cursor()}, each with its record
     * on demand: a store that keeps each record as text this tool wrote hands that text over as
     * it is kept, without parsing it.
     */
    default TextCursor compactTexts() {
        return TextCursor.of(cursor());
    }

    /**
     * Every record's key and compact text ({@link KeyedText}), in key order, each with its record
     * on demand: for a store whose cursor is not in key order but that can read a record again from
     * where it found it (a JSON file), so that a diff sorts keys and places instead of every
     * record's text. The whole store is read before the first text is handed over. Empty for a
     * store that cannot.
     *
     * @param read    told of each record as it is read, for progress
     * @param monitor asked between records whether to stop
     */
    default Optional<TextCursor> compactTextsInKeyOrder(Runnable read, ProgressMonitor monitor) {
        return Optional.empty();
    }

    /**
     * Every record's key and compact text in one read in this store's own order, on the chance that
     * it is key order (a JSON file this tool wrote), for a store whose cursor is not known to be
     * ({@link #compactTextsInKeyOrder} reads such a store twice): the cursor throws
     * {@link KeysOutOfOrder} at the first key that is not after the one before. Empty for a store
     * that cannot read so.
     */
    default Optional<TextCursor> compactTextsWhileInKeyOrder() {
        return Optional.empty();
    }

    /**
     * This store's keys beside {@code other}'s, their stored texts compared inside the one database
     * engine that can read both (two SQLite files of the native layout): a diff then reads no
     * identical record into Java. Empty for any other pair, which a diff merges by their compact texts.
     *
     * @param monitor told, as the comparison goes, about how many records of both stores it has passed; asked whether to stop
     */
    default Optional<PairedTexts> pairedWith(SessionStore other, ProgressMonitor monitor) {
        return Optional.empty();
    }

    /** The hash {@link #hashesInAnyOrder()} gives for this record once this store has written it: what a verification expects. */
    default String hashAsStored(SessionRecord record) {
        return RecordHash.of(asStored(record));
    }

    /**
     * The one kind of session this store can hold, where its layout holds no other (Minsky's SQL tables, which key every row by
     * its session): a job learns the kinds of its records without reading them. None where it may hold any kind.
     */
    default Optional<SessionKind> onlyKindHeld() {
        return Optional.empty();
    }

    /**
     * How many sessions of each kind this store holds, a damaged record's stand-in of none: what {@code info} says. A layout that
     * tells it ({@link #kindsHeldByLayout}) answers with its count; any other store, without a cheaper way, reads every record.
     */
    default KindsHeld kindsHeld() {
        return kindsHeldByLayout().orElseGet(() -> {
            try (RecordCursor cursor = cursor()) {
                return KindsHeld.of(cursor);
            }
        });
    }

    /** {@link #kindsHeld} where the layout alone tells it, without a read of the records; none where it may hold any kind. */
    default Optional<KindsHeld> kindsHeldByLayout() {
        return onlyKindHeld().map(kind -> KindsHeld.only(kind, count()));
    }

    /**
     * {@link #kindsHeld} where it costs little: told by the layout, or counted in a store of at most
     * {@link KindsHeld#COUNTED_UNASKED_UP_TO} sessions; none past that, where the count reads every session.
     *
     * @param sessions how many sessions the store holds, as its info says
     */
    default Optional<KindsHeld> kindsHeldWhereCheap(long sessions) {
        return kindsHeldByLayout().or(() -> sessions <= KindsHeld.COUNTED_UNASKED_UP_TO ? Optional.of(kindsHeld()) : Optional.empty());
    }

    /**
     * Whether writing some records leaves the others as they are (rows of a table), rather than writing the store again
     * whole (a JSON file): only then does a merge or a replace leave out the records the store holds as they are.
     */
    default boolean writesRecordsInPlace() {
        return false;
    }

    /**
     * Applies a batch in one transaction, reporting progress per record. When the monitor
     * asks to cancel, nothing of the batch stays written and {@link dev.sessiondb.progress.CancelledException} is thrown.
     */
    void write(WriteBatch batch, ProgressMonitor monitor);

    /**
     * Fields of the given records this store's layout cannot keep (for example Minsky's
     * SQLite layout has no column for {@code remote}); empty when nothing would be lost.
     */
    Set<String> unsupportedFields(SessionRecord record);

    /**
     * Each field of the record this store does not keep exactly as given, with how it keeps it: the
     * {@link #unsupportedFields} as {@link ValueChange#lossy lossy} changes (by default, not kept), and
     * values held in the store's own form that a plan should still name (a UUID kept lower-case).
     */
    default Map<String, ValueChange> valueChanges(SessionRecord record) {
        return ValueChange.notKept(unsupportedFields(record));
    }

    /**
     * The record's fields as reading it back from this store gives them: without the fields it
     * cannot hold, and with values normalised as the store's own tool writes them (Minsky stores
     * {@code prApproved: false} as NULL). What a verification compares against.
     */
    default ObjectNode asStored(SessionRecord record) {
        ObjectNode kept = record.fields();
        kept.remove(unsupportedFields(record));
        return kept;
    }

    /**
     * Whether this store, given {@code value} (null: no such field) of the top-level field {@code field},
     * reads back {@code held} (null: no such field) and counts that as keeping it, as {@link #asStored} and
     * {@link #unsupportedFields} do: Minsky's layout keeps {@code prApproved: false} and a JSON null as NULL,
     * read back as no value, and a date as its millisecond text. A diff then counts the value on one side
     * and {@code held} on this side as no change, as a verification does.
     */
    default boolean readsBackAs(String field, JsonNode value, JsonNode held) {
        return false;
    }

    /**
     * Why this store would refuse to write the record, one reason each (a value longer than its
     * column, a missing value a NOT NULL column needs, a reference to a row that is not there),
     * as its own catalogue tells; empty when it takes the record.
     */
    default List<String> refusals(SessionRecord record) {
        return List.of();
    }

    /** Whether this store keys messages by id across sessions, where one session's message may not take another's id (the chat server's). */
    default boolean keysMessagesAcrossSessions() {
        return false;
    }

    /** The ids of the record's messages as this store keeps them, when it {@link #keysMessagesAcrossSessions}; none otherwise. */
    default List<String> crossSessionMessageIds(SessionRecord record) {
        return List.of();
    }

    /** Of {@code messageIds}, those this store holds, each with the session holding it ({@link #crossSessionMessageIds}); none by default. */
    default Map<String, String> sessionsHoldingMessages(Collection<String> messageIds) {
        return Map.of();
    }

    /**
     * A cheap look at the store (count plus size, time and identity of its files, or its rows'
     * versions): a job records it in its plan and refuses to write when it changed since; the app
     * compares it to notice that someone else (Minsky, another window) changed the store.
     */
    StoreFingerprint fingerprint();

    /**
     * A watch for writes from now on, for a window that asks every few seconds: as true as the fingerprint, and cheaper where the
     * fingerprint reads the whole store (a SQLite file in WAL mode, whose fingerprint is a digest of its pages).
     *
     * @throws StoreException when the store cannot be looked at, naming why
     */
    default ChangeWatch watchChanges() {
        return ChangeWatch.byFingerprint(this);
    }

    /**
     * A look that changes with every write committed to the store, by anyone, sessions updated in place included, and that
     * writes nothing (a lock file neither): a job takes it of each source before reading it and again after, to tell a source
     * another program wrote meanwhile. It costs no pass over the records of a file store; a server store's scans its rows' headers,
     * again only once a write on the server ended. A SQLite file's holds a read open from the first mark until the store closes, so
     * that a checkpoint does not count. Empty when the store keeps none.
     */
    default Optional<String> writeMark() {
        return Optional.empty();
    }

    /**
     * Whether this handle's last {@link #write}, which failed, left the store as it was when {@code before} was taken, for
     * certain: by the store's look here; a SQL store knows a write stopped before its commit left nothing, and asks a
     * PostgreSQL server whether a transaction whose COMMIT's reply never came committed (its statistics counters, which the
     * look reads, count a rolled-back write as one that committed, and publish a commit late). False when that is unknown.
     */
    default boolean stoppedWriteLeftUnchanged(StoreFingerprint before) {
        return fingerprint().equals(before);
    }

    /**
     * The parts of the store that do not read as sessions (a folder store's files that are no
     * session), each named with what is wrong with it; empty for a store read whole. While there
     * are any, every read refuses naming them all, unless through {@link #skippingUnreadable()}.
     */
    default List<String> unreadableParts() {
        return List.of();
    }

    /**
     * The store with its {@linkplain #unreadableParts() unreadable parts} left out of every read and
     * count, for a job the user allowed to copy out the rest; the parts stay as they are. A store
     * read whole is itself.
     */
    default SessionStore skippingUnreadable() {
        return this;
    }

    /**
     * As {@link #skippingUnreadable()} where the store knows its unreadable parts without a pass of its own (a folder's
     * files are read when it opens); the store itself where finding them takes one (a database's damaged records), so a
     * plain validation costs no second read.
     */
    default SessionStore skippingUnreadableKnownAlready() {
        return skippingUnreadable();
    }

    /**
     * The store, its cursors and lookups giving a record whose stored text no longer reads as that record's
     * stand-in ({@link SessionRecord#unreadable}) instead of stopping, as its pages do: for a listing or a
     * validation, which show the damage where it is and go on. Never for a job that copies records, which
     * refuses such a record. A store that meets no such record as it reads (one read whole, a folder whose
     * unreadable files are refused before any read) is itself. Closing it closes the store.
     */
    default SessionStore markingUnreadable() {
        return this;
    }

    /**
     * The records this view of the store left out ({@link #skippingUnreadable()}) that its provider's
     * {@link StoreProvider#damage} does not name (a SQL row whose record text does not read), each as its
     * stand-in ({@link SessionRecord#unreadable}) saying what to do: what a validation's store-damage check
     * adds to the provider's. Empty by default.
     */
    default List<SessionRecord> skippedDamage() {
        return List.of();
    }

    /**
     * Whether the store's schema is older than the one this version writes. Reads work on it as
     * it is; {@link #write} upgrades it first, so a job's backup holds the older schema.
     */
    default boolean needsUpgrade() {
        return false;
    }

    /**
     * Brings an older schema to the newest (see {@link #needsUpgrade()}); nothing happens when it
     * is current. A cancel through {@code monitor} stops it with {@link dev.sessiondb.progress.CancelledException}
     * and leaves the store valid at the last version it reached, which {@link #info()} then tells.
     */
    default void upgrade(ProgressMonitor monitor) {
    }

    /**
     * Writes {@code replacement} under {@code key}, or deletes the record when it is empty, only if
     * the store still holds {@code expected} there: the check and the write are one atomic step, so
     * another program (Minsky, a second window) cannot change the record between them.
     *
     * @param expected what the edit started from; empty when the record was absent
     * @return the record as the store holds it after the write
     * @throws StaleRecordException when the store holds something else; nothing was written
     */
    Optional<SessionRecord> writeIfUnchanged(String key, Optional<SessionRecord> expected, Optional<SessionRecord> replacement);

    default void put(SessionRecord record) {
        write(WriteBatch.upsert(List.of(record).iterator(), 1), ProgressMonitor.NONE);
    }

    default boolean delete(String key) {
        if (get(key).isEmpty()) {
            return false;
        }
        write(WriteBatch.delete(Set.of(key)), ProgressMonitor.NONE);
        return true;
    }

    /**
     * Runs {@code work} while this store keeps no connection of its own to its database, so that
     * another may take the database alone (a SQLite restore does: it refuses while any other
     * connection is open, idle or not). This store's reads asked meanwhile wait for it.
     */
    default void whileReleased(Runnable work) {
        work.run();
    }

    @Override
    void close();
}
