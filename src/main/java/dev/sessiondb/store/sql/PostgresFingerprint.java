package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a cheap look at a PostgreSQL store's tables sees without reading a row: the statistics
 * counters of inserted, updated and deleted row versions, the relation's file (a TRUNCATE gives a
 * new one) and the size of its rows' file (not of its indexes and maps, which autovacuum grows
 * without a change of the rows). The counters lag a write by as long as the writing session waits to
 * publish them (PostgreSQL 15 and newer publish at once when asked, which our own writes do); a
 * change not published yet is "unchanged as far as a cheap look can tell".
 */
final class PostgresFingerprint {

    private static final String COUNTERS_AND_FILE = "SELECT coalesce(t.n_tup_ins, 0), coalesce(t.n_tup_upd, 0), coalesce(t.n_tup_del, 0),"
            + " pg_relation_filenode(c.oid)";
    private static final String OF_TABLE = " FROM pg_class c LEFT JOIN pg_stat_user_tables t ON t.relid = c.oid WHERE c.oid = to_regclass(?)";

    private PostgresFingerprint() {
    }

    static String token(Connection connection, List<String> tables) throws SQLException {
        return look(connection, tables, true);
    }

    /**
     * The token without the sizes, for a mark kept across days ({@link PostgresChangeMark}): over
     * days a vacuum truncating the empty pages that deletes left (a change nobody wrote) is likelier
     * than an insert that grew the file and is not counted yet. It takes no lock either (a size does).
     */
    static String writesSeen(Connection connection, List<String> tables) throws SQLException {
        return look(connection, tables, false);
    }

    private static String look(Connection connection, List<String> tables, boolean withSize) throws SQLException {
        StringBuilder token = new StringBuilder();
        String sql = COUNTERS_AND_FILE + (withSize ? ", pg_relation_size(c.oid)" : "") + OF_TABLE;
        try (PreparedStatement look = connection.prepareStatement(sql)) {
            for (String table : tables) {
                look.setString(1, table);
                try (ResultSet rows = look.executeQuery()) {
                    token.append(table);
                    if (rows.next()) {
                        token.append(" ins ").append(rows.getLong(1)).append(" upd ").append(rows.getLong(2)).append(" del ").append(rows.getLong(3))
                                .append(" file ").append(rows.getLong(4));
                        if (withSize) {
                            token.append(" size ").append(rows.getLong(5));
                        }
                    }
                    token.append("; ");
                }
            }
        }
        return token.toString();
    }

    /**
     * Asks the server to publish this transaction's counters as soon as it commits (PostgreSQL 15
     * and newer), so that a fingerprint taken after our own write already sees it.
     */
    static void publishAtCommit(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < 15) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
        }
    }
}
