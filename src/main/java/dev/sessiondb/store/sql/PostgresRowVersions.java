package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

/**
 * A PostgreSQL store's tables as their rows' versions tell: per table, the count of rows and the sum of the transaction ids
 * that wrote them ({@code xmin}). A committed insert, update or delete by anyone gives a row a new id or takes one away, so
 * the look changes. It reads the rows themselves (their headers only, in one scan of each table, no record parsed): the
 * statistics counters ({@link PostgresFingerprint}) lag another session's commit by up to ten seconds, and an update in place
 * often leaves the table's size as it was.
 * <p>
 * A look is not taken again while the server's transaction snapshot is the one before the last look: a snapshot names the
 * newest transaction that ended and those still running, so an equal one means no transaction that wrote anything, anywhere
 * on the server, ended since. A write anywhere (another database too) makes the next look scan again.
 */
final class PostgresRowVersions implements WriteMark {

    private final SqlTransactions transactions;
    private final Supplier<List<String>> tables;
    private String snapshotBeforeLook;
    private String look;

    PostgresRowVersions(SqlTransactions transactions, Supplier<List<String>> tables) {
        this.transactions = transactions;
        this.tables = tables;
    }

    @Override
    public synchronized String now() {
        return transactions.read(connection -> {
            // the snapshot is taken before the scan: a transaction that ends during the scan changes the next one
            String snapshot = snapshot(connection) + " of " + tables.get();
            if (!snapshot.equals(snapshotBeforeLook)) {
                look = look(connection, tables.get());
                snapshotBeforeLook = snapshot;
            }
            return look;
        });
    }

    /** txid_current_snapshot, not its successor pg_current_snapshot (13 and newer): the same text on every version. */
    private static String snapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT txid_current_snapshot()::text")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String look(Connection connection, List<String> tables) throws SQLException {
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
