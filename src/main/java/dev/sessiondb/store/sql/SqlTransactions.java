package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.store.StoreLocator;
import io.ebean.Database;
import io.ebean.Transaction;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A SQL store's transactions, each on a connection of its own, and its reads done in one: with the server gone, they say so at
 * once; a SQLite file read as immutable is read as it is now ({@link SqliteImmutableReads}).
 */
final class SqlTransactions {

    private final StoreLocator locator;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Database database;
    /** What each use of a connection does first. */
    private final Runnable beforeUse;

    SqlTransactions(StoreLocator locator, Dialect dialect, HikariDataSource pool, Database database, boolean readsFileAsImmutable) {
        this.locator = locator;
        this.dialect = dialect;
        this.pool = pool;
        this.database = database;
        this.beforeUse = dialect == Dialect.POSTGRESQL ? () -> PgReachability.check(pool, locator)
                : readsFileAsImmutable ? new SqliteImmutableReads(locator.path(), pool)::lookBeforeRead : () -> { };
    }

    <T> T read(SqlWork<T> work) {
        Transaction transaction = begin();
        try {
            return work.run(transaction.connection());
        } catch (SQLException | PersistenceException e) {
            throw SqlFailures.serverGone(dialect, locator, e).orElseGet(() -> SqlFailures.readFailure(locator.display(), "reading failed", e));
        } finally {
            endRead(transaction);
        }
    }

    /**
     * A read whose statements each stand alone, on a connection in autocommit: PostgreSQL then has no BEGIN to start and no
     * ROLLBACK to answer, a round trip of the two or three such a read takes. Not for a cursor: PostgreSQL streams a
     * result in parts (the fetch size) only inside a transaction.
     */
    <T> T readAlone(SqlWork<T> work) {
        beforeUse();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException | PersistenceException e) {
            throw SqlFailures.serverGone(dialect, locator, e).orElseGet(() -> SqlFailures.readFailure(locator.display(), "reading failed", e));
        }
    }

    /** A read changed nothing to roll back: a connection the server ended cannot, and the read's own failure already says why. */
    private static void endRead(Transaction transaction) {
        endAfterFailure(transaction);
    }

    /**
     * Ends a transaction that failed: its rollback may fail too (a connection the server ended; SQLite, which ends a
     * transaction itself on a full disk, answers "no transaction is active"), and the failure that matters is the first.
     */
    static void endAfterFailure(Transaction transaction) {
        try {
            transaction.end();
        } catch (PersistenceException rollback) {
            // nothing is left to undo
        }
    }

    /** The same on a plain connection, keeping the rollback's own failure as suppressed by the first. */
    static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /** A transaction on a connection of its own: with the server gone, taking the connection is what fails. */
    Transaction begin() {
        beforeUse();
        try {
            return database.createTransaction();
        } catch (PersistenceException e) {
            throw SqlFailures.serverGone(dialect, locator, e).orElseThrow(() -> e);
        }
    }

    /**
     * A PostgreSQL server that cannot be reached says so at once, not after the pool's connection timeout; a SQLite file read as
     * immutable is looked at for another program's change.
     */
    void beforeUse() {
        beforeUse.run();
    }
}
