package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.CaseFolding;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
    /** SQLite's search index made again from the rows: the rebuild's longest step, which a staged file builds aside ({@link SqliteSearchAside}). */
    static final String SEARCH_REBUILD = "INSERT INTO sessions_search (sessions_search) VALUES ('rebuild')";

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
    /** The shortest needle the SQLite trigram index can answer. */
    private static final int TRIGRAM = 3;
    /** The trigram index builds faster when its keys fit in memory (4.4 s against 5.1 s at 300k); for this transaction only. */
    private static final String GIN_BUILD_MEMORY = "SET LOCAL maintenance_work_mem = '256MB'";
    /**
     * No parallel workers for the sort indexes: the trigram index (one process in PostgreSQL 15)
     * ends the build, and workers only take cores from it and from the verification that reads
     * beside it (SQLite -> PostgreSQL at 300k, paired: 0.92-0.97 of the time with workers).
     */
    private static final String NO_BUILD_WORKERS = "SET LOCAL max_parallel_maintenance_workers = 0";
    /** The unit separator between the searched fields, as each dialect writes it (V4's index expression). */
    private static final Map<Dialect, String> SEPARATOR = Map.of(Dialect.SQLITE, "char(31)", Dialect.POSTGRESQL, "chr(31)");

    private final Dialect dialect;
    private final String storeName;
    private final String version;
    /** The keys of the rows every read leaves out ({@link #skipping}); empty for the whole table. */
    private final Set<String> skipped;

    NativeLayout(Dialect dialect, String storeName, String version) {
        this(dialect, storeName, version, Set.of());
    }

    private NativeLayout(Dialect dialect, String storeName, String version, Set<String> skipped) {
        this.dialect = dialect;
        this.storeName = storeName;
        this.version = version;
        this.skipped = Set.copyOf(skipped);
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
     * From V4 the key, task id, repository and branch are searched as one text joined by the unit
     * separator, which PostgreSQL's pg_trgm index serves for this very condition; SQLite's FTS5
     * table is asked through {@link #indexedSearch} instead. V3 keeps its four-column index.
     * PostgreSQL's V6 searches the text in two halves, each served by its own index: the needle
     * holds no separator, so a match in the whole text is a match in one of its halves. A chat server's or magellai's session
     * is searched in its own fields by {@link #kindFieldsCondition}.
     */
    @Override
    public Optional<SqlCondition> searchCondition(String needle) {
        if (!columnsFilled()) {
            return Optional.empty();
        }
        if (!searchesOneText()) {
            return v3SearchCondition(needle);
        }
        return Optional.of(FoldedSearch.inAnyOf(dialect, searchedTexts(), needle));
    }

    @Override
    public List<String> kindFieldTexts() {
        return KindFieldsSearch.texts(dialect);
    }

    @Override
    public Optional<SqlCondition> kindFieldsCondition(String needle) {
        return columnsFilled() ? Optional.of(KindFieldsSearch.inKindsFields(dialect, needle, this::lowered)) : Optional.empty();
    }

    @Override
    public boolean holdsKindFieldsRows(Connection connection) throws SQLException {
        return columnsFilled() && KindFieldsSearch.holdsRows(connection, rows());
    }

    /**
     * The lower-cased text V4's to V6's indexes hold, written as each index's expression is, so
     * that PostgreSQL recognises it. From V5 a branch equal to the key is left out (it finds the
     * same sessions), and PostgreSQL lowers under the database's collation, as V4's columns did,
     * now that the columns themselves compare as bytes. From V6 (PostgreSQL) a task id the key
     * holds is left out too, and the text is two: the key's half and the repository's.
     */
    private List<String> searchedTexts() {
        String separator = " || " + SEPARATOR.get(dialect) + " || ";
        String taskId = "coalesce(s.task_id, '')";
        String repository = "coalesce(s.repo_name, '')";
        String leading = "s.session_key" + separator + taskId + separator + repository + separator;
        if (!atLeast(NativeSchema.LEANER_INDEXES)) {
            return List.of("lower(" + leading + "coalesce(s.branch, ''))");
        }
        String branch = "CASE WHEN s.branch = s.session_key THEN '' ELSE coalesce(s.branch, '') END";
        if (dialect != Dialect.POSTGRESQL || !atLeast(NativeSchema.SEARCH_IN_HALVES)) {
            return List.of(lowered(leading + branch));
        }
        String taskIdNotInKey = "CASE WHEN strpos(s.session_key, s.task_id) > 0 THEN '' ELSE " + taskId + " END";
        return List.of(lowered("s.session_key" + separator + taskIdNotInKey), lowered(repository + separator + branch));
    }

    private String lowered(String text) {
        return dialect == Dialect.POSTGRESQL ? "lower((" + text + ") COLLATE \"default\")" : "lower(" + text + ")";
    }

    /**
     * SQLite's FTS5 trigram table answers a needle of three or more characters without LIKE's
     * wildcards (it skips a LIKE with ESCAPE): the same lower-cased text as {@link #searchCondition}.
     * The table folds every letter's case but SQLite checks a LIKE's matches again folding ASCII only:
     * a needle outside ASCII asks the table for its trigrams in every spelling ({@link FoldedSearch#trigramQuery}),
     * and its matches are checked by {@link #searchCondition}.
     */
    @Override
    public Optional<IndexedSearch> indexedSearch(String needle) {
        String lower = CaseFolding.fold(needle);
        boolean plain = lower.indexOf('%') < 0 && lower.indexOf('_') < 0;
        if (dialect != Dialect.SQLITE || !searchesOneText() || !plain || lower.codePointCount(0, lower.length()) < TRIGRAM) {
            return Optional.empty();
        }
        if (!CaseFolding.isAscii(lower)) {
            return FoldedSearch.trigramQuery(lower).map(query -> checkedTrigrams(query, needle));
        }
        List<Object> pattern = List.of("%" + lower + "%");
        return Optional.of(new IndexedSearch(new SqlCondition("s.id IN (SELECT rowid FROM sessions_search WHERE text LIKE ?)", pattern),
                KindFieldsSearch.countUpTo("SELECT 1 FROM sessions_search WHERE text LIKE ?", pattern)));
    }

    /** The rows an FTS5 query finds, each checked by {@link #searchCondition} (the query asks for trigrams, not their order). */
    private IndexedSearch checkedTrigrams(String trigramQuery, String needle) {
        SqlCondition checked = searchCondition(needle).orElseThrow();
        List<Object> params = new ArrayList<>(List.of(trigramQuery));
        params.addAll(checked.params());
        return new IndexedSearch(new SqlCondition("s.id IN (SELECT rowid FROM sessions_search WHERE sessions_search MATCH ?) AND " + checked.sql(), params),
                KindFieldsSearch.countUpTo("SELECT 1 FROM sessions_search WHERE sessions_search MATCH ?", List.of(trigramQuery)));
    }

    private Optional<SqlCondition> v3SearchCondition(String needle) {
        if (dialect == Dialect.SQLITE && needle.codePointCount(0, needle.length()) >= TRIGRAM) {
            String phrase = "{session_key task_id repo_name branch} : \"" + needle.replace("\"", "\"\"") + "\"";
            return Optional.of(new SqlCondition("s.id IN (SELECT rowid FROM sessions_search WHERE sessions_search MATCH ?)", List.of(phrase)));
        }
        return Layout.super.searchCondition(needle);
    }

    private boolean columnsFilled() {
        return atLeast(NativeSchema.COLUMNS_FILLED);
    }

    private boolean searchesOneText() {
        return atLeast(NativeSchema.ONE_SEARCH_TEXT);
    }

    private boolean atLeast(int schemaVersion) {
        try {
            return Integer.parseInt(version) >= schemaVersion;
        } catch (NumberFormatException none) {
            return false;
        }
    }

    /**
     * The search index and the sort indexes cost more to keep row by row than the rows
     * themselves, so a large batch builds them once at the end: SQLite lifts the triggers,
     * drops the sort indexes, then rebuilds the FTS table and creates them again; PostgreSQL
     * drops every index but the primary key's and creates them again (readers wait for the
     * commit meanwhile). DDL is transactional in both, so a cancelled or failed batch leaves
     * the indexes as they were. The key's own unique index stays: upserts need it.
     */
    @Override
    public Rebuild beforeRows(Connection connection, boolean large) throws SQLException {
        if (!large) {
            return Layout.super.beforeRows(connection, false);
        }
        return dialect == Dialect.SQLITE ? liftSearchTriggers(connection) : dropSearchIndex(connection);
    }

    private static Rebuild liftSearchTriggers(Connection connection) throws SQLException {
        Map<String, String> triggers = definitions(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sessions'");
        Map<String, String> indexes = definitions(connection,
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND sql IS NOT NULL");
        Rebuild.execute(connection, triggers.keySet().stream().map(name -> "DROP TRIGGER " + Dialect.quote(name)).toList());
        Rebuild.execute(connection, indexes.keySet().stream().map(name -> "DROP INDEX " + Dialect.quote(name)).toList());
        List<String> restore = new ArrayList<>(List.of(SEARCH_REBUILD));
        restore.addAll(indexes.values());
        restore.addAll(triggers.values());
        return new Rebuild(List.of(), restore);
    }

    private static Rebuild dropSearchIndex(Connection connection) throws SQLException {
        Map<String, String> indexes = definitions(connection, "SELECT i.indexname, i.indexdef FROM pg_indexes i"
                + " WHERE i.schemaname = current_schema() AND i.tablename = 'sessions' AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = i.schemaname AND c.conname = i.indexname)");
        Rebuild.execute(connection, indexes.keySet().stream().map(name -> "DROP INDEX " + Dialect.quote(name)).toList());
        // the trigram index takes longest: first, so that builds on parallel connections end together
        // parallel index builds, and the setting, came with PostgreSQL 11
        List<String> setup = connection.getMetaData().getDatabaseMajorVersion() >= 11
                ? List.of(GIN_BUILD_MEMORY, NO_BUILD_WORKERS) : List.of(GIN_BUILD_MEMORY);
        List<String> steps = indexes.values().stream().sorted(Comparator.comparing(sql -> !sql.contains(" USING gin ")))
                .collect(Collectors.toCollection(ArrayList::new));
        // the planner's statistics of the new rows and of the search text's expressions: without them
        // a common needle took 0.2 s instead of 0.1 ms at 300k until autovacuum came by
        steps.add(Rebuild.STATISTICS_PREFIX + TABLE);
        return new Rebuild(setup, steps);
    }

    /** Name and SQL definition of each object the query lists. */
    private static Map<String, String> definitions(Connection connection, String query) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                definitions.put(rows.getString(1), rows.getString(2));
            }
        }
        return definitions;
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
