package dev.sessiondb.store.sql;

import java.util.List;

/**
 * One table a layout writes in bulk: rows are upserted by {@code keyColumn}, or, when
 * {@code deleteByKey}, every row whose {@code keyColumn} equals a given value is deleted.
 * A layout lists them in the order they must be applied.
 */
record TableWrite(String table, List<String> columns, String keyColumn, boolean deleteByKey) {

    TableWrite {
        columns = List.copyOf(columns);
    }

    static TableWrite upsert(String table, List<String> columns, String keyColumn) {
        return new TableWrite(table, columns, keyColumn, false);
    }

    static TableWrite deleteWhere(String table, String keyColumn) {
        return new TableWrite(table, List.of(keyColumn), keyColumn, true);
    }
}
