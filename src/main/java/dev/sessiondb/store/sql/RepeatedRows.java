package dev.sessiondb.store.sql;

import dev.sessiondb.store.RepeatedSessionsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Minsky table made without a key on its session column, which Minsky reads as well as its own: whether a
 * constraint keys it, and, where none does, the sessions whose key repeats. Such a table opens as no store, like a
 * JSON file in which a session repeats: every job keys its records by session, and two rows read as one would be
 * collapsed into one by the first write.
 */
final class RepeatedRows {

    private RepeatedRows() {
    }

    /** Whether a PRIMARY KEY or a UNIQUE index (not a partial one) covers {@code column} alone. */
    static boolean keyEnforced(Connection connection, Dialect dialect, String table, String column) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]"
                        + " WHERE n.nspname = current_schema() AND c.relname = ? AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL AND a.attname = ?)"
                // a PRIMARY KEY on an INTEGER column has no index of its own: it is the rowid
                : "SELECT (SELECT group_concat(name) FROM pragma_table_info(?1) WHERE pk > 0) = ?2 OR EXISTS (SELECT 1 FROM pragma_index_list(?1) il"
                        + " WHERE il.\"unique\" = 1 AND il.partial = 0 AND (SELECT count(*) FROM pragma_index_info(il.name)) = 1"
                        + " AND (SELECT name FROM pragma_index_info(il.name)) = ?2)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /**
     * Refuses a table in which a key repeats, naming each repeat's two rows (SQLite's rowid, PostgreSQL's ctid) and
     * the columns in which they differ.
     */
    static void refuseRepeats(Connection connection, Dialect dialect, String storeName, String table, String column) throws SQLException {
        String rowId = dialect == Dialect.POSTGRESQL ? "ctid::text" : "rowid";
        String key = Dialect.quote(column);
        String sql = "SELECT " + rowId + " AS sessiondb_row, * FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table
                + " GROUP BY " + key + " HAVING count(*) > 1) ORDER BY " + key + ", " + (dialect == Dialect.POSTGRESQL ? "ctid" : "rowid");
        List<RepeatedSessionsException.Repeat> repeats = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            String session = null;
            List<Object> first = null;
            String firstRow = null;
            while (rows.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 2; i <= meta.getColumnCount(); i++) {
                    values.add(rows.getObject(i));
                }
                String here = where(dialect, rows.getString(1));
                String rowKey = rows.getString(column);
                if (!rowKey.equals(session)) {
                    session = rowKey;
                    first = values;
                    firstRow = here;
                    continue;
                }
                List<String> differing = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    if (!Objects.equals(first.get(i), values.get(i))) {
                        differing.add(meta.getColumnName(i + 2));
                    }
                }
                repeats.add(new RepeatedSessionsException.Repeat(session, firstRow, here, differing.isEmpty(), differing));
            }
        }
        if (!repeats.isEmpty()) {
            String byHand = "after a copy of the store, keep one row and delete the other by its " + (dialect == Dialect.POSTGRESQL
                    ? "ctid (DELETE FROM " + table + " WHERE ctid = '(0,N)')" : "rowid (DELETE FROM " + table + " WHERE rowid = N)")
                    + "; a PRIMARY KEY on " + column + " keeps it from happening again";
            throw new RepeatedSessionsException(storeName, repeats, byHand, Optional.of(byHand));
        }
    }

    private static String where(Dialect dialect, String rowId) {
        return "the row with " + (dialect == Dialect.POSTGRESQL ? "ctid " : "rowid ") + rowId;
    }
}
