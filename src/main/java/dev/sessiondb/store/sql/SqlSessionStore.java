package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.PairedTexts;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.TextCursor;
import dev.sessiondb.store.ValueChange;
import dev.sessiondb.store.WriteBatch;
import io.ebean.Database;
import io.ebean.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A SQLite or PostgreSQL session store in any layout. Ebean's {@link Database} owns the
 * connections and transactions; the SQL comes from the {@link Layout} and {@link Dialect}.
 */
final class SqlSessionStore implements SessionStore {

    private final StoreLocator locator;
    private final Dialect dialect;
    private final HikariDataSource pool;
    /** The PostgreSQL schema the store lives in, or null for the connection's default. */
    private final String schema;
    private final Database database;
    /** A SQLite file's descriptor for reads outside SQLite, ended once the connections are closed ({@link LockSafeReads}). */
    private final LockSafeReads.Hold file;
    private final SqlTransactions transactions;
    private final ReferencedKeys referencedKeys;
    /** Replaced once, when a write upgrades an older native schema. */
    private volatile Layout layout;
    private final StoreRebuilds rebuilds;
    private final SqlRecordWriter writer;
    /** The store this is a view of ({@link #skippingUnreadable()}), whose close closes both; itself for a store opened whole. */
    private final SqlSessionStore whole;
    /** The damaged records this view leaves out; none for a store read whole. */
    private final DamagedRecords skipped;
    /** Whether this view's cursors and lookups give a damaged record's stand-in rather than stopping ({@link #markingUnreadable()}). */
    private final boolean marksUnreadable;
    /** Shared with the views: a SQLite file's holds a connection of its own once taken. */
    private final WriteMark writeMark;
    private final MaskedSearchRows maskedRows;
    private boolean closed;

    SqlSessionStore(StoreLocator locator, Dialect dialect, Layout layout, HikariDataSource pool, String schema, Database database,
                    LockSafeReads.Hold file) {
        this(locator, dialect, layout, pool, schema, database, file, null, DamagedRecords.NONE, false);
    }

    private SqlSessionStore(StoreLocator locator, Dialect dialect, Layout layout, HikariDataSource pool, String schema, Database database,
                            LockSafeReads.Hold file, SqlSessionStore whole, DamagedRecords skipped, boolean marksUnreadable) {
        this.whole = whole == null ? this : whole;
        this.skipped = skipped;
        this.marksUnreadable = marksUnreadable;
        this.transactions = whole != null ? whole.transactions : new SqlTransactions(locator, dialect, pool, database, readsFileAsImmutable(pool));
        this.writeMark = whole != null ? whole.writeMark : dialect == Dialect.SQLITE ? new SqliteWriteMark(locator.path(), pool.getDataSource(), readsFileAsImmutable(pool))
                : new PostgresRowVersions(transactions, this::tablesWritten);
        this.referencedKeys = new ReferencedKeys(transactions::read);
        this.maskedRows = new MaskedSearchRows(connection -> dialect == Dialect.SQLITE ? SqliteFingerprint.of(locator.path())
                : PostgresFingerprint.token(connection, tablesWritten()));
        this.rebuilds = new StoreRebuilds(database, dialect, locator);
        this.writer = new SqlRecordWriter(locator, dialect, pool, transactions, rebuilds, this::upgradedLayout, this::fingerprint, this::get);
        this.locator = locator;
        this.dialect = dialect;
        this.layout = layout;
        this.pool = pool;
        this.schema = schema;
        this.database = database;
        this.file = file;
    }

    @Override
    public StoreLocator locator() {
        return locator;
    }

    /** Only a SQLite file read as immutable opens its pool read-only ({@link SqliteReadAccess}, {@link SqlStores}). */
    private static boolean readsFileAsImmutable(HikariDataSource pool) {
        return pool.isReadOnly();
    }

    @Override
    public StoreInfo info() {
        List<String> notes = readsFileAsImmutable(pool) ? Stream.concat(layout.notes().stream(), Stream.of(SqliteReadAccess.NOTE)).toList() : layout.notes();
        return new StoreInfo(locator.display(), dialect.format(), layout.id(), layout.schemaVersion(), count(), dialect.lastModified(locator), notes,
                layout.era().orElse(null));
    }

    @Override
    public long count() {
        return transactions.read(this::count);
    }

    /** Exact, as a job decides on it whether a target is empty; an index-only scan where the table has a key. */
    private long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + layout.rows() + " s")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public Page page(SessionQuery query) {
        PageQuery page = new PageQuery(dialect, layout, query, maskedRows);
        return page.readsAlone() ? transactions.readAlone(page::run) : transactions.read(page::run);
    }

    @Override
    public List<SessionRecord> pageRecords(SessionQuery query) {
        PageQuery page = new PageQuery(dialect, layout, query, maskedRows);
        return page.readsAlone() ? transactions.readAlone(page::records) : transactions.read(page::records);
    }

    @Override
    public Optional<SessionRecord> get(String key) {
        return transactions.read(connection -> select(connection, layout, key, marksUnreadable));
    }

    /** @param listed whether a damaged record comes as its stand-in rather than stopping the read */
    static Optional<SessionRecord> select(Connection connection, Layout layout, String key, boolean listed) throws SQLException {
        String sql = "SELECT " + layout.selectList() + " FROM " + layout.rows() + " s WHERE " + layout.keyExpression() + " = ?";
        try (PreparedStatement statement = PageQuery.prepare(connection, sql, List.of(key)); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(listed ? layout.readListed(rows) : layout.read(rows)) : Optional.empty();
        }
    }

    /**
     * A GROUP BY where the layout has a column for the field and for each filter, and a count of
     * the sessions without a value; a scan where it has not (dates kept as written) or where the
     * sessions are searched.
     */
    @Override
    public List<ValueCount> distinctValues(SortKey field, SessionQuery within, int limit) {
        Optional<String> column = layout.valueExpression(field);
        List<Layout.SqlCondition> conditions = within.filters().stream().map(layout::filterCondition).flatMap(Optional::stream).toList();
        if (column.isEmpty() || !within.search().isEmpty() || conditions.size() < within.filters().size()) {
            try (RecordCursor records = cursor()) {
                return ValueCount.tally(records, within::matches, field, limit);
            }
        }
        List<String> groups = layout.groupExpressions(field).orElseThrow();
        return transactions.read(new ValueQuery(dialect, layout, column.get(), groups, conditions, limit)::run);
    }

    /** One EXISTS where the layout has a column for the field ({@link FieldPresence}); otherwise read as any store is. */
    @Override
    public boolean anyHas(SortKey field) {
        Optional<String> column = layout.valueExpression(field);
        return column.isPresent() ? transactions.read(new FieldPresence(layout, column.get())::anyHas) : SessionStore.super.anyHas(field);
    }

    @Override
    public RecordCursor cursor() {
        return marksUnreadable ? SqlCursor.listedRecords(locator.display(), dialect, layout, transactions.begin())
                : SqlCursor.records(locator.display(), dialect, layout, transactions.begin());
    }

    @Override
    public RecordCursor cursorOf(Set<SessionField> fields) {
        return layout.fieldsRead(fields).<RecordCursor>map(read -> SqlCursor.recordsInStoredOrder(locator.display(), layout, read, transactions.begin()))
                .orElseGet(this::cursor);
    }

    @Override
    public boolean cursorInKeyOrder() {
        return true;
    }

    @Override
    public TextCursor compactTexts() {
        return layout.keepsRecordText() ? SqlCursor.texts(locator.display(), dialect, layout, transactions.begin())
                : SessionStore.super.compactTexts();
    }

    @Override
    public HashCursor hashesInAnyOrder() {
        Transaction transaction = transactions.begin();
        return layout.keepsRecordText() ? SqlCursor.textHashesInStoredOrder(locator.display(), dialect, layout, transaction)
                : HashCursor.of(SqlCursor.recordsInStoredOrder(locator.display(), layout, transaction));
    }

    @Override
    public List<String> unreadableParts() {
        return skipped.unreadableParts();
    }

    /** Finding a damaged record takes a read of every row: only a job or check that asks for them pays it. */
    @Override
    public SessionStore skippingUnreadableKnownAlready() {
        return this;
    }

    /**
     * The native layout's store with its damaged records (text that no longer reads as a record) left out of every read and
     * count, found by one scan of the table now; the rows stay as they are. Other layouts read columns, not text, and are
     * read whole.
     */
    @Override
    public SessionStore skippingUnreadable() {
        if (!(layout instanceof NativeLayout nativeLayout) || whole != this) {
            return this;
        }
        DamagedRecords damaged;
        try {
            damaged = DamagedRecords.find(locator.display(), dialect, transactions.begin());
        } catch (RuntimeException unreadable) {
            return this; // a file damaged below its records stops this scan as it stops every read, which then names the damage
        }
        return damaged.isEmpty() ? this
                : new SqlSessionStore(locator, dialect, nativeLayout.skipping(damaged.keys()), pool, schema, database, file, this, damaged, false);
    }

    /** Only the native layout keeps records as text, which can be damaged: other layouts read columns and are themselves. */
    @Override
    public SessionStore markingUnreadable() {
        if (!(layout instanceof NativeLayout) || marksUnreadable) {
            return this;
        }
        return new SqlSessionStore(locator, dialect, layout, pool, schema, database, file, whole, skipped, true);
    }

    @Override
    public List<SessionRecord> skippedDamage() {
        return skipped.standIns();
    }

    @Override
    public Optional<PairedTexts> pairedWith(SessionStore other, ProgressMonitor monitor) {
        // the pairing joins the two tables whole; a view leaving rows out is compared by its texts instead
        if (other instanceof SqlSessionStore second && nativeSqlite() && second.nativeSqlite() && skipped.isEmpty() && second.skipped.isEmpty()) {
            return Optional.of(SqlitePairing.open(locator, layout, second.locator, second.layout, monitor));
        }
        return Optional.empty();
    }

    /** A SQLite file of the native layout: {@link SqlitePairing} can join it with another. */
    private boolean nativeSqlite() {
        return dialect == Dialect.SQLITE && layout.id() == StoreLayout.NATIVE;
    }

    @Override
    public String hashAsStored(SessionRecord record) {
        return layout.keepsRecordText() ? RecordHash.ofCompactText(record) : SessionStore.super.hashAsStored(record);
    }

    /**
     * SQLite: the count and the files' change marks ({@link SqliteFingerprint}). PostgreSQL: the
     * count and, per table the layout writes, the server's statistics counters and the relation's
     * file and size: catalogue looks that never read the rows ({@link PostgresFingerprint}).
     */
    @Override
    public StoreFingerprint fingerprint() {
        return transactions.read(this::fingerprint);
    }

    private StoreFingerprint fingerprint(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return new StoreFingerprint(count(connection), SqliteFingerprint.of(locator.path()));
        }
        return new StoreFingerprint(count(connection), PostgresFingerprint.token(connection, tablesWritten()));
    }

    /**
     * SQLite: from its files' headers and times, not the digest of its pages ({@link SqliteChangeWatch}). PostgreSQL: from the
     * server's write counters, not the count of the rows ({@link PostgresChangeWatch}); by the fingerprint where the server
     * publishes no prompt counters (before 15). A file read as immutable also by its database file ({@link SqliteImmutableWatch}).
     */
    @Override
    public ChangeWatch watchChanges() {
        if (dialect == Dialect.SQLITE) {
            return readsFileAsImmutable(pool) ? new SqliteImmutableWatch(locator.path()) : new SqliteChangeWatch(locator.path());
        }
        return PostgresChangeWatch.start(transactions, tablesWritten()).orElseGet(() -> SessionStore.super.watchChanges());
    }

    /** SQLite's commits, a checkpoint not counted ({@link SqliteWriteMark}); PostgreSQL's row versions ({@link PostgresRowVersions}). */
    @Override
    public Optional<String> writeMark() {
        return Optional.of(writeMark.now());
    }

    /** The tables this store's layout writes its records to. */
    List<String> tablesWritten() {
        return layout.writes().stream().map(TableWrite::table).distinct().toList();
    }

    @Override
    public boolean needsUpgrade() {
        return layout.needsUpgrade();
    }

    /** The layout a write uses. */
    private Layout upgradedLayout() {
        upgrade(ProgressMonitor.NONE);
        return layout;
    }

    @Override
    public synchronized void upgrade(ProgressMonitor monitor) {
        if (!layout.needsUpgrade()) {
            return;
        }
        layout = new NativeUpgrade(dialect, locator.display(), pool, schema).run(monitor, reached -> layout = reached);
    }

    @Override
    public Optional<SessionKind> onlyKindHeld() {
        return layout instanceof MinskyLayout ? Optional.of(SessionKind.MINSKY) : Optional.empty();
    }

    /**
     * Minsky's tables and the chat server's hold their tool's sessions by what they are; the native layout's kinds are counted in
     * the database, from each record's top-level fields: one parse of its text in C (0.3-0.5 s at 100,000 chat sessions), where
     * reading the records into Java would parse and build every one.
     */
    @Override
    public KindsHeld kindsHeld() {
        return kindsHeldByLayout().orElseGet(() -> {
            try {
                return transactions.read(connection -> KindFieldsSearch.kindsHeld(connection, dialect));
            } catch (StoreException damagedText) {
                // leaving out a text that is no JSON in SQL (json_valid) cost a third more on every store: a damaged one, rare,
                // has the records that read told one by one instead
                try (RecordCursor cursor = markingUnreadable().cursor()) {
                    return KindsHeld.of(cursor);
                }
            }
        });
    }

    @Override
    public Optional<KindsHeld> kindsHeldByLayout() {
        if (layout instanceof MinskyLayout || layout instanceof ChatLayout) {
            return Optional.of(KindsHeld.only(layout instanceof MinskyLayout ? SessionKind.MINSKY : SessionKind.CHAT, count()));
        }
        return Optional.empty();
    }

    @Override
    public boolean writesRecordsInPlace() {
        return true;
    }

    @Override
    public void write(WriteBatch batch, ProgressMonitor monitor) {
        writer.write(batch, monitor);
    }

    @Override
    public boolean stoppedWriteLeftUnchanged(StoreFingerprint before) {
        return writer.stoppedWriteLeftUnchanged(this::fingerprint, before);
    }

    /** See {@link StoreRebuilds#defer()}: a staged store's indexes are built while its rows are verified. */
    void deferRebuilds() {
        rebuilds.defer();
    }

    /** Builds what a deferred or interrupted rebuild left, if anything; see {@link PendingRebuild#finish}. */
    void finishRebuild(Runnable readersDone) {
        rebuilds.finish(readersDone);
    }

    /** The same for a staged SQLite file at {@code staged}, whose search index is built beside the other indexes. */
    void finishStagedRebuild(Path staged, Runnable readersDone) {
        rebuilds.finishStaged(staged, readersDone);
    }

    /** See {@link SqlRecordWriter#holdWrites()}. */
    void holdWrites() {
        writer.holdWrites();
    }

    /** See {@link SqlRecordWriter#commitHeldWrite}. */
    void commitHeldWrite(SqlWork<Void> alsoInTheCommit) {
        writer.commitHeldWrite(alsoInTheCommit);
    }

    /** See {@link SqlRecordWriter#writeIfUnchanged}. */
    @Override
    public Optional<SessionRecord> writeIfUnchanged(String key, Optional<SessionRecord> expected, Optional<SessionRecord> replacement) {
        return writer.writeIfUnchanged(key, expected, replacement);
    }

    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        return layout.unsupportedFields(record);
    }

    @Override
    public Map<String, ValueChange> valueChanges(SessionRecord record) {
        return layout.valueChanges(record);
    }

    @Override
    public ObjectNode asStored(SessionRecord record) {
        return layout.asStored(record);
    }

    @Override
    public boolean readsBackAs(String field, JsonNode value, JsonNode held) {
        return layout.readsBackAs(field, value, held);
    }

    @Override
    public List<String> refusals(SessionRecord record) {
        return SqlRefusals.of(record, layout, dialect, referencedKeys);
    }

    /** A layout whose write refuses a row another session owns ({@link TableWrite#ownerColumn}) keys those rows across sessions. */
    @Override
    public boolean keysMessagesAcrossSessions() {
        return layout.writes().stream().anyMatch(write -> write.ownerColumn() != null);
    }

    @Override
    public List<String> crossSessionMessageIds(SessionRecord record) {
        return layout.crossSessionMessageIds(record);
    }

    @Override
    public Map<String, String> sessionsHoldingMessages(Collection<String> messageIds) {
        List<String> ids = List.copyOf(messageIds);
        return ids.isEmpty() ? Map.of() : transactions.read(connection -> layout.sessionsHoldingMessages(connection, ids));
    }

    @Override
    public void whileReleased(Runnable work) {
        writeMark.release();
        PoolRelease.whileReleased(pool, work);
    }

    @Override
    public void close() {
        if (whole != this) {
            whole.close();
        } else {
            closeWhole();
        }
    }

    private synchronized void closeWhole() {
        if (closed) {
            return;
        }
        closed = true;
        writer.dropHeldWrite();
        writeMark.close();
        try {
            if (!pool.isClosed()) {
                database.shutdown(false, false);
                pool.close();
            }
        } finally {
            file.close();
        }
    }
}
