package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL store's tables as their rows' versions tell: per table, the count of rows and the sum of the transaction ids
 * that wrote them ({@code xmin}). A committed insert, update or delete by anyone gives a row a new id or takes one away, so
 * the look changes; unlike the statistics counters ({@link PostgresFingerprint}) nothing lags, as it reads the rows
 * themselves (their headers only, in one scan of each table, no record parsed).
 */
final class PostgresRowVersions {

    private PostgresRowVersions() {
    }

    static String of(Connection connection, List<String> tables) throws SQLException {
        StringBuilder look = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(sum(xmin::text::bigint), 0) FROM " + table)) {
                    rows.next();
                    look.append(table).append(' ').append(rows.getLong(1)).append(" rows, versions ").append(rows.getLong(2)).append("; ");
                }
            }
        }
        return look.toString();
    }
}
