package dev.sessiondb.store.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.DamagedRecordException;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.ValueChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one tool's tables hold a session record: how a row becomes a record and back, and which
 * SQL expression gives each sortable value. The main table is always read as {@code s}.
 */
interface Layout {

    StoreLayout id();

    /** The SQL the layout's database speaks. */
    Dialect dialect();

    /** The table holding one row per session. */
    String table();

    /** What reads and counts select from, as {@code FROM <rows> s}: the {@link #table()}, or a view of it leaving rows out. */
    default String rows() {
        return table();
    }

    /** The session key of row {@code s}. */
    String keyExpression();

    /** What to select from {@code s} for {@link #read}. */
    String selectList();

    /** @throws DamagedRecordException for a row whose record text no longer reads */
    SessionRecord read(ResultSet row) throws SQLException;

    /** As {@link #read}, a damaged record given as its stand-in ({@link SessionRecord#unreadable}): for a listing, which shows it and goes on. */
    default SessionRecord readListed(ResultSet row) throws SQLException {
        try {
            return read(row);
        } catch (DamagedRecordException damaged) {
            return damaged.unreadable();
        }
    }

    /**
     * An expression whose text equals {@code key.valueOf(record)} for every record of the store
     * (null when the record has none); empty when only Java can compute it, as for dates kept as
     * written text, and then the page is sorted and filtered in Java.
     */
    Optional<String> valueExpression(SortKey key);

    /**
     * What a page sorts by, most significant first, each as ORDER BY takes it: the {@link #valueExpression} in binary order,
     * a task id's in task order ({@link TaskOrderSql}); empty where there is no value expression.
     */
    default Optional<List<String>> orderExpressions(SortKey key) {
        return valueExpression(key).map(value -> key == SortKey.TASK_ID ? TaskOrderSql.orderBy(dialect(), value) : List.of(dialect().binary(value)));
    }

    /**
     * As {@link #orderExpressions(SortKey)}, for a page about to be read in {@code connection}: a layout may look at its rows to
     * tell whether SQL's order of a value it has no {@link #valueExpression} for is the reference's there.
     */
    default Optional<List<String>> orderExpressions(Connection connection, SortKey key) throws SQLException {
        return orderExpressions(key);
    }

    /**
     * Whether a page's rows are read once its keys are sorted and cut to the page: for a layout whose {@link #selectList} costs a
     * lookup a row, which SQLite makes for each row its sort keeps on the way, every row of a table stored in the reverse order.
     */
    default boolean readsRowsAfterPaging() {
        return false;
    }

    /** Whether an index holds the task order ({@link TaskOrderSql#orderBy}) of every row, ascending. */
    default boolean indexesTaskOrder() {
        return false;
    }

    /**
     * What a count of the field's values groups by: its {@link #valueExpression}, a task id's with its task number first, as
     * the task order's index holds them, so that the count reads that index in order (one group per id either way).
     */
    default Optional<List<String>> groupExpressions(SortKey key) {
        return valueExpression(key).map(value -> key == SortKey.TASK_ID ? List.of(TaskOrderSql.number(dialect(), value), value) : List.of(value));
    }

    /** The bulk writes of a batch, in the order they apply. */
    List<TableWrite> writes();

    /** The rows of one record: {@code rows.add(i, values)} for {@code writes().get(i)}. */
    void rows(SessionRecord record, RowConsumer rows) throws SQLException;

    /**
     * Called first in a write transaction; returns what to put back after the last row (inside
     * the transaction, or later for a staged store). Lets a layout trade per-row index upkeep for
     * one rebuild on large batches.
     */
    default Rebuild beforeRows(Connection connection, boolean large) throws SQLException {
        return Rebuild.NONE;
    }

    /** Statements removing one session, each with the key as its only parameter. */
    List<String> deleteStatements();

    /** Statements emptying the store. */
    List<String> clearStatements();

    Set<String> unsupportedFields(SessionRecord record);

    /** See {@link dev.sessiondb.store.SessionStore#valueChanges}; by default each unsupported field, not kept. */
    default Map<String, ValueChange> valueChanges(SessionRecord record) {
        return ValueChange.notKept(unsupportedFields(record));
    }

    /**
     * Whether each row keeps the whole record as the text this tool writes
     * ({@link SessionRecord#compact()}), the key and that text being the first two columns of
     * {@link #selectList()}: a verification then hashes the text without parsing it.
     */
    default boolean keepsRecordText() {
        return false;
    }

    /** For a layout that {@link #keepsRecordText}: the record its text holds, as {@link #read} gives it. */
    default SessionRecord recordFromText(String key, String text) {
        throw new UnsupportedOperationException("this layout keeps no record text");
    }

    /**
     * How to read every row as a record holding only its key and {@code fields}, without parsing
     * the record: see {@link dev.sessiondb.store.SessionStore#cursorOf}. Empty when this layout
     * cannot, and whole records are read then.
     */
    default Optional<FieldsRead> fieldsRead(Set<SessionField> fields) {
        return Optional.empty();
    }

    /** A select list over {@code s}, in key order as {@link #selectList()}, and how each of its rows becomes a record. */
    record FieldsRead(String selectList, SqlRows.RowReader<SessionRecord> reader) {
    }

    /** See {@link dev.sessiondb.store.SessionStore#readsBackAs}; by default a layout keeps every value it holds as it is. */
    default boolean readsBackAs(String field, JsonNode value, JsonNode held) {
        return false;
    }

    /** The record as reading it back gives it: by default without the fields the layout cannot hold. */
    default ObjectNode asStored(SessionRecord record) {
        ObjectNode kept = record.fields();
        kept.remove(unsupportedFields(record));
        return kept;
    }

    /** See {@link dev.sessiondb.store.SessionStore#crossSessionMessageIds}; none by default. */
    default List<String> crossSessionMessageIds(SessionRecord record) {
        return List.of();
    }

    /** Of {@code messageIds}, those the layout's tables hold, each with its session; none where messages are no rows of their own. */
    default Map<String, String> sessionsHoldingMessages(Connection connection, List<String> messageIds) throws SQLException {
        return Map.of();
    }

    /** Why the table's own limits (lengths, NOT NULL, foreign keys) would refuse the record; empty when it takes it. */
    default List<String> refusals(SessionRecord record, ReferencedKeys referenced) {
        return List.of();
    }

    String schemaVersion();

    /** Which release family of the tool wrote this store, when the layout can tell. */
    default Optional<String> era() {
        return Optional.empty();
    }

    /** Whether the schema is older than this version writes: reads work on it as it is, a write upgrades it first. */
    default boolean needsUpgrade() {
        return false;
    }

    /** What a user should know about this store, such as columns its table lacks. */
    default List<String> notes() {
        return List.of();
    }

    /**
     * The free-text condition for a search needle, or empty when a searched field has no SQL
     * expression: lower-cased text holding the needle case folded ({@link FoldedSearch}), which the trigram indexes serve.
     */
    default Optional<SqlCondition> searchCondition(String needle) {
        List<String> lowered = new ArrayList<>();
        for (SortKey key : SessionQuery.SEARCHED) {
            Optional<String> expression = valueExpression(key);
            if (expression.isEmpty()) {
                return Optional.empty();
            }
            lowered.add("lower(" + expression.get() + ")");
        }
        return Optional.of(FoldedSearch.inAnyOf(dialect(), lowered, needle));
    }

    /**
     * For a word {@link #searchCondition} cannot express: a condition that every row the reference search finds with it holds,
     * others too perhaps, so that a search finished in Java reads those rows only; empty to read every row, as when nearly
     * every row would pass it anyway.
     */
    default Optional<SqlCondition> searchCandidates(Connection connection, String needle) throws SQLException {
        return Optional.empty();
    }

    /**
     * The text of each field only some kinds' sessions are searched by ({@link dev.sessiondb.model.SessionKind#searchedFields}),
     * null in a row of another kind, where the layout's {@link #searchCondition} searches such fields: what
     * {@link MaskedSearchRows} looks at besides the {@link SessionQuery#SEARCHED} columns. Empty by default.
     */
    default List<String> kindFieldTexts() {
        return List.of();
    }

    /**
     * The rows of the kinds searched by their own fields ({@link #kindFieldTexts}) holding the needle in one of them, ORed with a
     * word's {@link #searchCondition} when the store {@link #holdsKindFieldsRows}; empty by default.
     */
    default Optional<SqlCondition> kindFieldsCondition(String needle) {
        return Optional.empty();
    }

    /** Whether the store holds rows {@link #kindFieldsCondition} may find: asked once per page with a search. */
    default boolean holdsKindFieldsRows(Connection connection) throws SQLException {
        return false;
    }

    /**
     * A search needle a separate search index can answer, when the layout has one the table's
     * own scan does not use: the condition that asks the index, and the query that counts the
     * index's matches, its last parameter a limit. Empty when {@link #searchCondition} is all there is.
     */
    default Optional<IndexedSearch> indexedSearch(String needle) {
        return Optional.empty();
    }

    /** A needle's condition through a search index, and the count of its matches up to a limit ({@code LIMIT ?} last). */
    record IndexedSearch(SqlCondition condition, SqlCondition countUpTo) {
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Answers whether a foreign key's referenced table holds a value. */
    @FunctionalInterface
    interface ReferencedKeys {

        /** For checks made while writing, where the database itself enforces its foreign keys. */
        ReferencedKeys UNCHECKED = (key, value) -> true;

        boolean contains(TableCatalog.ForeignKey key, String value);
    }

    /** Receives the rows of one record. */
    @FunctionalInterface
    interface RowConsumer {
        void add(int write, Object[] values) throws SQLException;
    }

    /** The condition a column filter puts on the query, where the layout has a column for its field. */
    default Optional<SqlCondition> filterCondition(FieldFilter filter) {
        return valueExpression(filter.field()).map(expression -> filter.value()
                .map(value -> new SqlCondition(expression + " = ?", List.of(value)))
                .orElseGet(() -> new SqlCondition(expression + " IS NULL", List.of())));
    }

    /** A piece of WHERE clause with its parameters. */
    record SqlCondition(String sql, List<Object> params) {

        public SqlCondition {
            params = List.copyOf(params);
        }
    }
}
