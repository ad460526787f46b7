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
 */
record TableWrite(String table, List<String> columns, String keyColumn, boolean deleteByKey, boolean keyEnforced) {

    TableWrite {
        columns = List.copyOf(columns);
    }

    static TableWrite upsert(String table, List<String> columns, String keyColumn) {
        return new TableWrite(table, columns, keyColumn, false, true);
    }

    /** An upsert into a table no constraint keys by {@code keyColumn}. */
    static TableWrite upsertUnkeyed(String table, List<String> columns, String keyColumn) {
        return new TableWrite(table, columns, keyColumn, false, false);
    }

    static TableWrite deleteWhere(String table, String keyColumn) {
        return new TableWrite(table, List.of(keyColumn), keyColumn, true, true);
    }

    /** The columns an update of a row found by its key sets. */
    List<String> valueColumns() {
        return columns.stream().filter(column -> !column.equals(keyColumn)).toList();
    }
}
