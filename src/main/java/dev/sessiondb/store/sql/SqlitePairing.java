package dev.sessiondb.store.sql;

import dev.sessiondb.store.PairedTexts;
import dev.sessiondb.store.PrefetchingIterator;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteOpenMode;

/**
 * Two SQLite files of the native layout compared inside SQLite: the second attached to a
 * read-only connection of the first, read-only too, their rows joined on the key and handed over
 * in binary key order (the key columns' BINARY collation compares UTF-8 bytes: code point order). Only
 * the texts of a key on both sides whose texts differ cross into Java, so an identical record
 * costs SQLite comparing its bytes instead of a read and a hash on each side.
 */
final class SqlitePairing {

    private static final String SECOND = "paired";
    /** Which sides hold the key and whether their texts are equal, in one column: each column read is a call into SQLite. */
    private static final int IN_FIRST = 1;
    private static final int IN_SECOND = 2;
    private static final int SAME_TEXT = 4;
    private static final String DIFFER = "b.session_key IS NOT NULL AND a.record IS NOT b.record";
    /**
     * The first file's keys with the second's match, then the second's keys the first lacks: both
     * halves come in key order from the keys' unique indexes, so SQLite merges them without a sort.
     */
    private static final String QUERY = "SELECT a.session_key, " + IN_FIRST + " + (b.session_key IS NOT NULL) * " + IN_SECOND
            + " + (a.record IS b.record) * " + SAME_TEXT + ", CASE WHEN " + DIFFER + " THEN a.record END, CASE WHEN " + DIFFER + " THEN b.record END"
            + " FROM main." + NativeLayout.TABLE + " a LEFT JOIN " + SECOND + "." + NativeLayout.TABLE + " b ON a.session_key = b.session_key"
            + " UNION ALL SELECT b.session_key, " + IN_SECOND + ", NULL, NULL FROM " + SECOND + "." + NativeLayout.TABLE + " b"
            + " WHERE NOT EXISTS (SELECT 1 FROM main." + NativeLayout.TABLE + " a WHERE a.session_key = b.session_key)"
            + " ORDER BY 1";

    private SqlitePairing() {
    }

    static PairedTexts open(StoreLocator first, Layout firstLayout, StoreLocator second, Layout secondLayout) {
        String names = first.display() + " and " + second.display();
        Connection connection = null;
        try {
            Properties properties = new Properties();
            // a URI filename is what opens the attached file read-only
            properties.setProperty("open_mode", String.valueOf(SQLiteOpenMode.READONLY.flag | SQLiteOpenMode.OPEN_URI.flag));
            properties.setProperty("busy_timeout", "5000");
            connection = DriverManager.getConnection("jdbc:sqlite:" + first.path().toAbsolutePath(), properties);
            try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + SECOND)) {
                attach.setString(1, second.path().toAbsolutePath().toUri().toASCIIString() + "?mode=ro");
                attach.execute();
            }
            PreparedStatement statement = connection.prepareStatement(QUERY);
            return new Pairs(names, connection, statement, statement.executeQuery(), firstLayout, secondLayout);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException(names + ": cannot compare the two SQLite files (" + SqlSessionStore.firstLine(e)
                    + "); check that both are readable", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the caller reports the first failure
        }
    }

    private static final class Pairs extends PrefetchingIterator<PairedTexts.Pair> implements PairedTexts {

        private final String names;
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final Layout firstLayout;
        private final Layout secondLayout;

        Pairs(String names, Connection connection, PreparedStatement statement, ResultSet rows, Layout firstLayout, Layout secondLayout) {
            this.names = names;
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.firstLayout = firstLayout;
            this.secondLayout = secondLayout;
        }

        @Override
        protected PairedTexts.Pair fetch() {
            try {
                if (!rows.next()) {
                    return null;
                }
                String key = rows.getString(1);
                int sides = rows.getInt(2);
                boolean inBoth = (sides & (IN_FIRST | IN_SECOND)) == (IN_FIRST | IN_SECOND);
                boolean sameText = (sides & SAME_TEXT) != 0;
                String firstText = inBoth && !sameText ? rows.getString(3) : null;
                String secondText = inBoth && !sameText ? rows.getString(4) : null;
                return new PairedTexts.Pair(key, (sides & IN_FIRST) != 0, (sides & IN_SECOND) != 0, sameText,
                        () -> firstLayout.recordFromText(key, firstText), () -> secondLayout.recordFromText(key, secondText));
            } catch (SQLException e) {
                throw new StoreException(names + ": comparing the two SQLite files failed (" + SqlSessionStore.firstLine(e)
                        + "); check both stores", e);
            }
        }

        @Override
        public void close() {
            try {
                rows.close();
                statement.close();
            } catch (SQLException ignored) {
                // closing the connection below releases what they held
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
