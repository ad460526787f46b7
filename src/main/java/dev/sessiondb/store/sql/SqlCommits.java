package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreFingerprint;
import io.ebean.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQL store's write commits, and what its last write that stopped left. A PostgreSQL COMMIT whose reply never came (the
 * connection cut while committing) may or may not have taken effect, and the store's look (statistics counters the server
 * publishes later, a file that kept its size) cannot tell: the transaction's id, asked before the COMMIT, lets a fresh
 * connection ask the server ({@code txid_status}, PostgreSQL 10 and later). SQLite's own files tell it ({@link SqliteFingerprint}).
 */
final class SqlCommits {

    private static final Logger LOG = LoggerFactory.getLogger(SqlCommits.class);
    /** How long a transaction the server has not yet ended (it is still to read the COMMIT or the connection's end) is waited for. */
    private static final long SETTLING_MILLIS = 10_000;
    private static final long ASKING_EVERY_MILLIS = 50;

    /** What a write that stopped left in the store. */
    private enum Stopped {
        /** Nothing, for certain: it stopped before its COMMIT was sent, or the server says the transaction did not commit. */
        NOTHING,
        /** Whatever the store's look tells: SQLite's files mark a commit that stopped half way. */
        AS_THE_STORE_LOOKS,
        /** Unknown: it stopped while committing and the server could not say whether it committed. */
        UNKNOWN
    }

    private final Dialect dialect;
    private final DataSource pool;
    private final String store;
    private Stopped lastStopped = Stopped.NOTHING;

    SqlCommits(Dialect dialect, DataSource pool, String store) {
        this.dialect = dialect;
        this.pool = pool;
        this.store = store;
    }

    /** A write begins: until its COMMIT is sent, stopping leaves nothing (a lost connection too: the server rolls its transaction back). */
    void writing() {
        lastStopped = Stopped.NOTHING;
    }

    /**
     * Commits the write. A PostgreSQL COMMIT that fails is asked of the server after: one that committed is a commit (the write
     * took effect, its reply alone was lost); otherwise the failure is thrown, with what the server said kept for
     * {@link #stoppedWriteLeftUnchanged}.
     */
    void commit(Transaction transaction) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            lastStopped = Stopped.AS_THE_STORE_LOOKS;
            // the connection's own first: one failing on SQLite's full disk fails Ebean's rollback too, whose error Ebean would throw
            transaction.connection().commit();
            transaction.commit();
            return;
        }
        long id = transactionId(transaction.connection());
        lastStopped = Stopped.UNKNOWN;
        try {
            transaction.commit();
        } catch (RuntimeException lost) {
            String status = status(id);
            if ("committed".equals(status)) {
                LOG.warn("{}: the reply to the write's COMMIT never came ({}); the server says transaction {} committed, so the write took"
                        + " effect", store, lost.getMessage(), id);
                return;
            }
            if ("aborted".equals(status)) {
                lastStopped = Stopped.NOTHING;
            }
            throw lost;
        }
    }

    /** Whether the last write, which stopped, left the store as it was when {@code before} was taken, for certain. */
    boolean stoppedWriteLeftUnchanged(Supplier<StoreFingerprint> now, StoreFingerprint before) {
        return switch (lastStopped) {
            case NOTHING -> true;
            case AS_THE_STORE_LOOKS -> now.get().equals(before);
            case UNKNOWN -> false;
        };
    }

    /** The transaction's id; assigning one to a transaction that wrote nothing is harmless. */
    private static long transactionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT txid_current()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The server's word on transaction {@code id} once it ended ("committed" or "aborted"), asked on a fresh connection; "in
     * progress" while it has not ended within the settling time, null when the server cannot be asked or no longer knows.
     */
    private String status(long id) {
        long giveUpAt = System.nanoTime() + SETTLING_MILLIS * 1_000_000;
        try (Connection connection = pool.getConnection(); PreparedStatement ask = connection.prepareStatement("SELECT txid_status(?)")) {
            connection.setAutoCommit(true);
            ask.setLong(1, id);
            while (true) {
                String status;
                try (ResultSet row = ask.executeQuery()) {
                    row.next();
                    status = row.getString(1);
                }
                if (!"in progress".equals(status) || System.nanoTime() - giveUpAt > 0) {
                    return status;
                }
                Thread.sleep(ASKING_EVERY_MILLIS);
            }
        } catch (SQLException | RuntimeException unreachable) {
            LOG.warn("{}: whether transaction {} committed could not be asked: {}", store, id, unreachable.getMessage());
            return null;
        } catch (InterruptedException cancelled) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
