package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.model.RecordDamage;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.DamagedRecordException;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLayout;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SessionDB Admin's own layout: the whole record as JSON text (lossless, field order kept) next
 * to the columns a page sorts, filters and searches by, each computed by {@link SortKey#valueOf}.
 */
final class NativeLayout implements Layout {

    static final String TABLE = "sessions";

    /** The columns holding {@link SortKey#valueOf}, by key. */
    static final Map<SortKey, String> VALUE_COLUMNS = Map.of(
            SortKey.SESSION, "session_key",
            SortKey.TASK_ID, "task_id",
            SortKey.REPO_NAME, "repo_name",
            SortKey.BRANCH, "branch",
            SortKey.STATUS, "status",
            SortKey.CREATED_AT, "created_at",
            SortKey.LAST_ACTIVITY_AT, "last_activity_at");

    /** The columns holding a field's text as the record has it ({@link SessionRecord#text}). */
    private static final Map<SessionField, String> TEXT_COLUMNS = Map.of(
            SessionField.TASK_ID, "task_id", SessionField.REPO_NAME, "repo_name", SessionField.BRANCH, "branch", SessionField.STATUS, "status");
    private static final List<SortKey> WRITTEN = List.of(SortKey.SESSION, SortKey.TASK_ID, SortKey.REPO_NAME,
            SortKey.BRANCH, SortKey.STATUS, SortKey.CREATED_AT, SortKey.LAST_ACTIVITY_AT);

    private final Dialect dialect;
    private final String storeName;
    private final String version;
    /** The keys of the rows every read leaves out ({@link #skipping}); empty for the whole table. */
    private final Set<String> skipped;
    private final NativeSearch search;

    NativeLayout(Dialect dialect, String storeName, String version) {
        this(dialect, storeName, version, Set.of());
    }

    private NativeLayout(Dialect dialect, String storeName, String version, Set<String> skipped) {
        this.dialect = dialect;
        this.storeName = storeName;
        this.version = version;
        this.skipped = Set.copyOf(skipped);
        this.search = new NativeSearch(dialect, version);
    }

    /** The same layout, its reads and counts leaving out the rows of these keys (damaged records a job was allowed to skip). */
    NativeLayout skipping(Set<String> keys) {
        return new NativeLayout(dialect, storeName, version, keys);
    }

    /** The extracted column values of a record, in {@link #columns()} order without the record. */
    static Object[] values(SessionRecord record) {
        List<Object> values = new ArrayList<>();
        for (SortKey key : WRITTEN) {
            values.add(key.valueOf(record).orElse(null));
        }
        values.add(record.compact());
        return values.toArray();
    }

    static List<String> columns() {
        List<String> columns = new ArrayList<>();
        WRITTEN.forEach(key -> columns.add(VALUE_COLUMNS.get(key)));
        columns.add("record");
        return columns;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public StoreLayout id() {
        return StoreLayout.NATIVE;
    }

    @Override
    public String table() {
        return TABLE;
    }

    /** The table, or, while rows are skipped, the table without them: every read and count selects from this. */
    @Override
    public String rows() {
        if (skipped.isEmpty()) {
            return TABLE;
        }
        String keys = skipped.stream().sorted().map(NativeLayout::literal).collect(Collectors.joining(", "));
        return "(SELECT * FROM " + TABLE + " WHERE session_key NOT IN (" + keys + "))";
    }

    @Override
    public String keyExpression() {
        return "s.session_key";
    }

    @Override
    public boolean keepsRecordText() {
        return true;
    }

    @Override
    public String selectList() {
        return "s.session_key, s.record";
    }

    @Override
    public SessionRecord read(ResultSet row) throws SQLException {
        return recordFromText(dialect.text(row, 1), dialect.text(row, 2));
    }

    @Override
    public SessionRecord recordFromText(String key, String text) {
        try {
            return parse(text);
        } catch (JsonProcessingException e) {
            throw damaged(key, JsonCodec.problem(e), JsonCodec.withoutQuotedText(e));
        } catch (JsonLimits.BeyondLimitException e) {
            throw unreadable(key, DamagedRecords.beyondLimit(key, e), e);
        } catch (IllegalArgumentException e) {
            throw damaged(key, firstLine(e), e);
        }
    }

    /** Why a row's record text does not read as a record and what to do, quoting none of it; empty when it reads. */
    static Optional<Unreadable> problem(String key, String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of(Unreadable.damaged(key, JsonCodec.problem(e)));
        } catch (JsonLimits.BeyondLimitException e) {
            return Optional.of(new Unreadable(e.getMessage(), DamagedRecords.beyondLimit(key, e)));
        } catch (IllegalArgumentException e) {
            return Optional.of(Unreadable.damaged(key, firstLine(e)));
        }
    }

    /** A row's record that does not read: why, for a list of what a job left out, and its stand-in's damage. */
    record Unreadable(String problem, RecordDamage damage) {

        static Unreadable damaged(String key, String problem) {
            return new Unreadable(problem, DamagedRecords.damage(key, problem));
        }
    }

    private static SessionRecord parse(String text) throws JsonProcessingException {
        return SessionRecord.ofStoredText(JsonCodec.parseObject(text), text);
    }

    private static String firstLine(IllegalArgumentException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /** What to do about a damaged record: restore, or delete its row; {@code keyLiteral} is the key as SQL text ('it''s'), or "..." to leave it out. */
    static String deleteAdvice(String keyLiteral) {
        return "restore the store from a backup, or delete that row (DELETE FROM " + TABLE + " WHERE session_key = " + keyLiteral + ", in sqlite3 or psql)";
    }

    /** The key as a SQL text literal. */
    static String literal(String key) {
        return "'" + key.replace("'", "''") + "'";
    }

    /** A record that no longer reads: which, why (no text of it quoted: it may hold a secret), and the row to delete when no backup has it. */
    private DamagedRecordException damaged(String key, String problem, Exception cause) {
        return new DamagedRecordException(storeName + ": session '" + key + "' holds a damaged record (" + problem + "); " + deleteAdvice(literal(key))
                + " and run again (sessiondb validate --check store-damage lists every damaged record; migrate --skip-unreadable copies the rest)",
                SessionRecord.unreadable(key, DamagedRecords.damage(key, problem)), cause);
    }

    /** A record that reads as JSON but not as a record sessiondb can hold (a value past a {@linkplain JsonLimits limit}): never called damaged. */
    private DamagedRecordException unreadable(String key, RecordDamage why, Exception cause) {
        return new DamagedRecordException(storeName + ": " + why.what() + "; " + why.todo(), SessionRecord.unreadable(key, why), cause);
    }

    /**
     * The key and {@code fields} from the columns that hold a field's text as it is (the dates'
     * columns hold a sortable form instead); empty, so whole records are read, when a field has no
     * such column.
     */
    @Override
    public Optional<FieldsRead> fieldsRead(Set<SessionField> fields) {
        List<SessionField> read = fields.stream().filter(field -> field != SessionField.SESSION).sorted().toList();
        if (!columnsFilled() || !TEXT_COLUMNS.keySet().containsAll(read)) {
            return Optional.empty();
        }
        List<String> select = new ArrayList<>(List.of("s.session_key"));
        read.forEach(field -> select.add("s." + TEXT_COLUMNS.get(field)));
        return Optional.of(new FieldsRead(String.join(", ", select), row -> {
            String key = dialect.text(row, 1);
            if (key == null) {
                // session_key is NOT NULL: only a damaged page reads as a row without one
                throw new StoreFaultException(storeName, StoreFaults.damagedSqlite(null, "a row of the sessions table has no session_key"), null);
            }
            ObjectNode some = JsonCodec.MAPPER.createObjectNode().put(SessionField.SESSION.jsonName(), key);
            for (int i = 0; i < read.size(); i++) {
                String value = dialect.text(row, i + 2);
                if (value != null) {
                    some.put(read.get(i).jsonName(), value);
                }
            }
            return SessionRecord.ofParsed(some);
        }));
    }

    /**
     * An older schema is read as it is: before V3 its extracted columns are missing or unfilled, so only the key is asked of SQL.
     * Another kind's fields have no column: read from the records.
     */
    @Override
    public Optional<String> valueExpression(SortKey key) {
        if (!VALUE_COLUMNS.containsKey(key) || !columnsFilled() && key != SortKey.SESSION) {
            return Optional.empty();
        }
        return Optional.of("s." + VALUE_COLUMNS.get(key));
    }

    /** From {@link NativeSchema#taskOrderIndex} on. */
    @Override
    public boolean indexesTaskOrder() {
        return atLeast(NativeSchema.taskOrderIndex(dialect));
    }

    /**
     * A task id's filter asks the index that took the place of the task id's own from {@link NativeSchema#taskOrderIndex}:
     * for the number of the id wanted, which more ids share ({@code #079} and {@code 079}), then for the id itself.
     */
    @Override
    public Optional<SqlCondition> filterCondition(FieldFilter filter) {
        if (filter.field() != SortKey.TASK_ID || !indexesTaskOrder()) {
            return Layout.super.filterCondition(filter);
        }
        String column = "s." + VALUE_COLUMNS.get(SortKey.TASK_ID);
        if (filter.value().isEmpty()) {
            return Optional.of(new SqlCondition(TaskOrderSql.number(dialect, column) + " IS NULL", List.of()));
        }
        SqlCondition sameNumber = TaskOrderSql.sameNumber(dialect, column, filter.value().get());
        List<Object> params = new ArrayList<>(sameNumber.params());
        params.add(filter.value().get());
        return Optional.of(new SqlCondition(sameNumber.sql() + " AND " + column + " = ?", params));
    }

    /**
     * The key, task id, repository and branch as the schema version indexes them ({@link NativeSearch});
     * before V3 the columns are unfilled. A chat server's or magellai's session is searched in its own
     * fields by {@link #kindFieldsCondition}.
     */
    @Override
    public Optional<SqlCondition> searchCondition(String needle) {
        if (!columnsFilled()) {
            return Optional.empty();
        }
        if (search.searchesOneText()) {
            return Optional.of(search.oneTextCondition(needle));
        }
        Optional<SqlCondition> v3 = search.v3Condition(needle);
        return v3.isPresent() ? v3 : Layout.super.searchCondition(needle);
    }

    /** SQLite's FTS5 trigram table, where it answers the needle ({@link NativeSearch#indexed}). */
    @Override
    public Optional<IndexedSearch> indexedSearch(String needle) {
        return search.indexed(needle);
    }

    @Override
    public List<String> kindFieldTexts() {
        return KindFieldsSearch.texts(dialect);
    }

    @Override
    public Optional<SqlCondition> kindFieldsCondition(String needle) {
        return columnsFilled() ? Optional.of(KindFieldsSearch.inKindsFields(dialect, needle, search::lowered)) : Optional.empty();
    }

    @Override
    public boolean holdsKindFieldsRows(Connection connection) throws SQLException {
        return columnsFilled() && KindFieldsSearch.holdsRows(connection, rows());
    }

    private boolean columnsFilled() {
        return atLeast(NativeSchema.COLUMNS_FILLED);
    }

    private boolean atLeast(int schemaVersion) {
        return NativeSchema.reached(version, schemaVersion);
    }

    /** A large batch builds the indexes once at the end ({@link NativeBatchIndexes}). */
    @Override
    public Rebuild beforeRows(Connection connection, boolean large) throws SQLException {
        if (!large) {
            return Layout.super.beforeRows(connection, false);
        }
        return NativeBatchIndexes.lift(dialect, connection);
    }

    @Override
    public List<TableWrite> writes() {
        return List.of(TableWrite.upsert(TABLE, columns(), "session_key"));
    }

    @Override
    public void rows(SessionRecord record, RowConsumer rows) throws SQLException {
        rows.add(0, values(record));
    }

    @Override
    public List<String> deleteStatements() {
        return List.of("DELETE FROM sessions WHERE session_key = ?");
    }

    @Override
    public List<String> clearStatements() {
        return List.of("DELETE FROM sessions");
    }

    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        return Set.of();
    }

    @Override
    public String schemaVersion() {
        return version;
    }

    @Override
    public boolean needsUpgrade() {
        return !NativeSchema.newest(dialect).equals(version);
    }

    @Override
    public List<String> notes() {
        if (!needsUpgrade()) {
            return List.of();
        }
        return List.of("schema version " + version + " is older than this version's " + NativeSchema.newest(dialect)
                + "; reading leaves it as it is, 'sessiondb upgrade " + storeName + "' upgrades it (backed up first, undone by 'sessiondb undo')");
    }
}
