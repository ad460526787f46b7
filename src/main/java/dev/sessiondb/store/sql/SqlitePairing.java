package dev.sessiondb.store.sql;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.PairedTexts;
import dev.sessiondb.store.PrefetchingIterator;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteOpenMode;

/**
 * Two SQLite files of the native layout compared inside SQLite: the second attached to a
 * read-only connection of the first, read-only too, their rows joined on the key in binary key
 * order (the key columns' BINARY collation compares UTF-8 bytes: code point order). Only a key on
 * one side, or on both with texts that differ, comes out of SQLite, with those texts; a key with
 * the same text on both sides costs SQLite comparing its bytes and is counted from the first
 * file's count, taken in the same read transaction as the second's (the progress's total).
 */
final class SqlitePairing {

    private static final String SECOND = "paired";
    /** Which sides hold the key, in one column: each column read is a call into SQLite. */
    private static final int IN_FIRST = 1;
    private static final int IN_SECOND = 2;
    /** One key with the same text on both sides in about this many comes out too, as a sign of progress. */
    private static final int PROGRESS_STRIDE = 4096;
    private static final String BOTH_DIFFER = "b.session_key IS NOT NULL AND a.record IS NOT b.record";
    private static final String ONLY_IN_SECOND = "SELECT session_key, " + IN_SECOND + ", 0, NULL, NULL FROM ";
    /**
     * The second file's keys the first lacks, then the first file's keys with the second's match
     * (compound operators apply left to right: the EXCEPT before the UNION ALL). Every part comes
     * in key order from the keys' unique indexes, so SQLite merges them without a sort, and finds
     * the keys only in the second by merging the two indexes rather than looking up each of its
     * keys in the first (1.34-1.45 s against 1.52-1.59 s for the whole query at 1M in sqlite3).
     */
    private static final String QUERY = ONLY_IN_SECOND + SECOND + "." + NativeLayout.TABLE
            + " EXCEPT " + ONLY_IN_SECOND + "main." + NativeLayout.TABLE
            + " UNION ALL SELECT a.session_key, " + IN_FIRST + " + (b.session_key IS NOT NULL) * " + IN_SECOND + ", a.record IS b.record,"
            + " CASE WHEN " + BOTH_DIFFER + " THEN a.record END, CASE WHEN " + BOTH_DIFFER + " THEN b.record END"
            + " FROM main." + NativeLayout.TABLE + " a LEFT JOIN " + SECOND + "." + NativeLayout.TABLE + " b ON a.session_key = b.session_key"
            + " WHERE b.session_key IS NULL OR a.record IS NOT b.record OR a.id % " + PROGRESS_STRIDE + " = 0"
            + " ORDER BY 1";

    private SqlitePairing() {
    }

    static PairedTexts open(StoreLocator first, Layout firstLayout, StoreLocator second, Layout secondLayout, ProgressMonitor monitor) {
        String names = first.display() + " and " + second.display();
        Connection connection = null;
        try {
            Properties properties = new Properties();
            // a URI filename is what opens the attached file read-only
            properties.setProperty("open_mode", String.valueOf(SQLiteOpenMode.READONLY.flag | SQLiteOpenMode.OPEN_URI.flag));
            properties.setProperty("busy_timeout", "5000");
            connection = DriverManager.getConnection("jdbc:sqlite:" + SqliteReadAccess.of(first.path()).fileName(), properties);
            try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + SECOND)) {
                attach.setString(1, SqliteReadAccess.attachUri(second.path()));
                attach.execute();
            }
            // the counts and the pairs from one snapshot of each file (ATTACH cannot run inside a transaction)
            connection.setAutoCommit(false);
            long firstCount;
            long secondCount;
            try (Statement count = connection.createStatement(); ResultSet rows = count.executeQuery("SELECT (SELECT count(*) FROM main."
                    + NativeLayout.TABLE + "), (SELECT count(*) FROM " + SECOND + "." + NativeLayout.TABLE + ")")) {
                rows.next();
                firstCount = rows.getLong(1);
                secondCount = rows.getLong(2);
            }
            long total = firstCount + secondCount;
            monitor.progress(0, total);
            PreparedStatement statement = connection.prepareStatement(QUERY);
            return new Pairs(names, connection, statement, statement.executeQuery(), firstLayout, secondLayout, firstCount, total, monitor);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException(names + ": cannot compare the two SQLite files (" + SqlFailures.firstLine(e)
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
        private final Layout firstLayout;
        private final Layout secondLayout;
        private final long firstCount;
        private final long total;
        private final ProgressMonitor monitor;
        private final ResultSet rows;
        private long onlyInFirst;
        private long onlyInSecond;
        private long differing;
        private long sameTextSeen;
        private boolean finished;

        Pairs(String names, Connection connection, PreparedStatement statement, ResultSet rows, Layout firstLayout, Layout secondLayout,
              long firstCount, long total, ProgressMonitor monitor) {
            this.names = names;
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.firstLayout = firstLayout;
            this.secondLayout = secondLayout;
            this.firstCount = firstCount;
            this.total = total;
            this.monitor = monitor;
        }

        /** Skips the rows that only mark progress: a key with the same text on both sides. */
        @Override
        protected PairedTexts.Pair fetch() {
            try {
                while (rows.next()) {
                    if (rows.getBoolean(3)) {
                        sameTextSeen++;
                        reportPassed();
                        continue;
                    }
                    String key = rows.getString(1);
                    int sides = rows.getInt(2);
                    boolean inFirst = (sides & IN_FIRST) != 0;
                    boolean inSecond = (sides & IN_SECOND) != 0;
                    boolean both = inFirst && inSecond;
                    // the texts come only for a key on both sides: they differ
                    String firstText = both ? rows.getString(4) : null;
                    String secondText = both ? rows.getString(5) : null;
                    if (both) {
                        differing++;
                    } else if (inFirst) {
                        onlyInFirst++;
                    } else {
                        onlyInSecond++;
                    }
                    reportPassed();
                    return new PairedTexts.Pair(key, inFirst, inSecond,
                            () -> firstLayout.recordFromText(key, firstText), () -> secondLayout.recordFromText(key, secondText));
                }
                finished = true;
                monitor.progress(total, total);
                return null;
            } catch (SQLException e) {
                throw new StoreException(names + ": comparing the two SQLite files failed (" + SqlFailures.firstLine(e)
                        + "); check both stores", e);
            }
        }

        /** An estimate: each key seen with the same text on both sides stands for about a stride of them. */
        private void reportPassed() {
            monitor.checkCancelled();
            monitor.progress(Math.min(total, 2 * (sameTextSeen * PROGRESS_STRIDE + differing) + onlyInFirst + onlyInSecond), total);
        }

        @Override
        public long sameText() {
            if (!finished) {
                throw new IllegalStateException("the count of keys with the same text is known once every pair has been taken");
            }
            return firstCount - onlyInFirst - differing;
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
