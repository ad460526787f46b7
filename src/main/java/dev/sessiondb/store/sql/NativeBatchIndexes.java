package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The native table's indexes a large batch lifts before its rows and builds again after them.
 * The search index and the sort indexes cost more to keep row by row than the rows
 * themselves, so a large batch builds them once at the end: SQLite lifts the triggers,
 * drops the sort indexes, then rebuilds the FTS table and creates them again; PostgreSQL
 * drops every index but the primary key's and creates them again (readers wait for the
 * commit meanwhile). DDL is transactional in both, so a cancelled or failed batch leaves
 * the indexes as they were. The key's own unique index stays: upserts need it.
 */
final class NativeBatchIndexes {

    /** SQLite's search index made again from the rows: the rebuild's longest step, which a staged file builds aside ({@link SqliteSearchAside}). */
    static final String SEARCH_REBUILD = "INSERT INTO sessions_search (sessions_search) VALUES ('rebuild')";
    /** The trigram index builds faster when its keys fit in memory (4.4 s against 5.1 s at 300k); for this transaction only. */
    private static final String GIN_BUILD_MEMORY = "SET LOCAL maintenance_work_mem = '256MB'";
    /**
     * No parallel workers for the sort indexes: the trigram index (one process in PostgreSQL 15)
     * ends the build, and workers only take cores from it and from the verification that reads
     * beside it (SQLite -> PostgreSQL at 300k, paired: 0.92-0.97 of the time with workers).
     */
    private static final String NO_BUILD_WORKERS = "SET LOCAL max_parallel_maintenance_workers = 0";

    private NativeBatchIndexes() {
    }

    /** The indexes lifted now, and the steps that build them again once the batch's rows are in. */
    static Rebuild lift(Dialect dialect, Connection connection) throws SQLException {
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
        steps.add(Rebuild.STATISTICS_PREFIX + NativeLayout.TABLE);
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
}
