package dev.sessiondb.store.sql;

import java.util.List;

/**
 * One table a layout writes in bulk: rows are upserted by {@code keyColumn}, or, when
 * {@code deleteByKey}, every row whose {@code keyColumn} equals a given value is deleted.
 * A layout lists them in the order they must be applied.
 *
 * @param keyEnforced whether a PRIMARY KEY or UNIQUE constraint covers {@code keyColumn} alone, which an upsert's
 *                    {@code ON CONFLICT} needs; without one (a Minsky table made by hand, which Minsky reads just as
 *                    well) a row is updated by its key, else inserted
 * @param ownerColumn a column naming the session a row belongs to, or null: a row of another session holding the key is
 *                    never taken over (the chat server's messages are keyed by id across sessions: an upsert moved a message
 *                    two sessions' records gave one id from a session the job did not write); the update sets the owner
 *                    to NULL instead, which its NOT NULL constraint refuses, and the write fails whole
 */
record TableWrite(String table, List<String> columns, String keyColumn, boolean deleteByKey, boolean keyEnforced, String ownerColumn) {

    TableWrite {
        columns = List.copyOf(columns);
    }

    static TableWrite upsert(String table, List<String> columns, String keyColumn) {
        return new TableWrite(table, columns, keyColumn, false, true, null);
    }

    /** An upsert of rows that belong to a session through {@code ownerColumn}: a key another session's row holds fails the write. */
    static TableWrite upsertOwned(String table, List<String> columns, String keyColumn, String ownerColumn) {
        return new TableWrite(table, columns, keyColumn, false, true, ownerColumn);
    }

    /** An upsert into a table no constraint keys by {@code keyColumn}. */
    static TableWrite upsertUnkeyed(String table, List<String> columns, String keyColumn) {
        return new TableWrite(table, columns, keyColumn, false, false, null);
    }

    static TableWrite deleteWhere(String table, String keyColumn) {
        return new TableWrite(table, List.of(keyColumn), keyColumn, true, true, null);
    }

    /** The columns an update of a row found by its key sets. */
    List<String> valueColumns() {
        return columns.stream().filter(column -> !column.equals(keyColumn)).toList();
    }

    /**
     * What an upsert's {@code DO UPDATE SET} gives each value column, {@code excluded} naming the row offered ({@code excluded} in
     * SQLite, {@code EXCLUDED} in PostgreSQL): its offered value, and for the owner column NULL when the row held is another's.
     */
    String updateOf(String column, String excluded) {
        String offered = excluded + "." + Dialect.quote(column);
        return Dialect.quote(column) + " = " + (column.equals(ownerColumn)
                ? "CASE WHEN " + table + "." + Dialect.quote(column) + " = " + offered + " THEN " + offered + " END"
                : offered);
    }
}
