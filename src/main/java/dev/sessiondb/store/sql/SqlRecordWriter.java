package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import io.ebean.Transaction;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes a {@link SqlSessionStore}'s records: a batch in one transaction, committed at once or held until
 * {@link #commitHeldWrite}, and one record compared and written under its write lock. Every write first upgrades the
 * store's schema and builds what an interrupted rebuild left.
 */
final class SqlRecordWriter {

    private final StoreLocator locator;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final SqlTransactions transactions;
    private final StoreRebuilds rebuilds;
    private final SqlCommits commits;
    /** The store's layout once any upgrade it needs is done. */
    private final Supplier<Layout> upgradedLayout;
    private final SqlWork<StoreFingerprint> fingerprint;
    /** The record as the store reads it now, for a compare-and-write that lost to another client. */
    private final Function<String, Optional<SessionRecord>> current;
    /** See {@link #holdWrites()}. */
    private boolean holdsWrites;
    private Transaction heldWrite;

    SqlRecordWriter(StoreLocator locator, Dialect dialect, HikariDataSource pool, SqlTransactions transactions, StoreRebuilds rebuilds,
                    Supplier<Layout> upgradedLayout, SqlWork<StoreFingerprint> fingerprint, Function<String, Optional<SessionRecord>> current) {
        this.locator = locator;
        this.dialect = dialect;
        this.pool = pool;
        this.transactions = transactions;
        this.rebuilds = rebuilds;
        this.commits = new SqlCommits(dialect, pool, locator.display());
        this.upgradedLayout = upgradedLayout;
        this.fingerprint = fingerprint;
        this.current = current;
    }

    void write(WriteBatch batch, ProgressMonitor monitor) {
        if (dialect == Dialect.SQLITE) {
            SqliteBusyRetry.run(locator, batch.upserts(), records ->
                    writeOnce(batch.withUpserts(records), monitor));
        } else {
            writeOnce(batch, monitor);
        }
    }

    private void writeOnce(WriteBatch batch, ProgressMonitor monitor) {
        Layout layout = readyLayout();
        if (heldWrite != null) {
            throw new IllegalStateException("a held write is waiting for its commit");
        }
        commits.writing();
        Transaction transaction = transactions.begin();
        boolean held = false;
        boolean committed = false;
        try {
            if (batch.planned().isPresent()) {
                dialect.lockForWriting(transaction.connection(), layout.table());
                StoreFingerprint now = fingerprint.run(transaction.connection());
                batch.requireUnchanged(locator, () -> now);
            }
            writeRows(transaction.connection(), layout, batch, monitor);
            if (holdsWrites) {
                heldWrite = transaction;
                held = true;
            } else {
                commits.commit(transaction);
                committed = true;
            }
        } catch (SQLException | PersistenceException e) {
            throw SqlFailures.serverGone(dialect, locator, e).orElseGet(() -> SqlFailures.writeFailure(locator, "writing failed", e, layout.writes()));
        } finally {
            if (!held && !committed) {
                SqlTransactions.endAfterFailure(transaction);
            }
        }
    }

    /** See {@link SqlCommits#stoppedWriteLeftUnchanged}. */
    boolean stoppedWriteLeftUnchanged(Supplier<StoreFingerprint> now, StoreFingerprint before) {
        return commits.stoppedWriteLeftUnchanged(now, before);
    }

    /**
     * From now on a write keeps its transaction open until {@link #commitHeldWrite}, and closing
     * the store before that rolls it back: how a staged PostgreSQL store stays out of sight.
     */
    void holdWrites() {
        holdsWrites = true;
    }

    /** @param alsoInTheCommit run in the held write's transaction before its commit (in one of its own when nothing was written) */
    void commitHeldWrite(SqlWork<Void> alsoInTheCommit) {
        if (heldWrite == null) {
            commits.writing();
            heldWrite = transactions.begin();
        }
        try {
            alsoInTheCommit.run(heldWrite.connection());
            commits.commit(heldWrite);
        } catch (SQLException | PersistenceException e) {
            throw SqlFailures.writeFailure(locator, "writing failed", e);
        } finally {
            heldWrite.end();
            heldWrite = null;
        }
    }

    /** On the store's close: a held write never committed is rolled back (a server that ended the connection rolled it back already). */
    void dropHeldWrite() {
        if (heldWrite != null) {
            SqlTransactions.endAfterFailure(heldWrite);
            heldWrite = null;
        }
    }

    /**
     * One transaction that first takes the record's write lock (SQLite: {@code BEGIN IMMEDIATE};
     * PostgreSQL: the row {@code FOR UPDATE} at repeatable read, so a row another client inserts or
     * changes meanwhile fails the write), then compares, writes and commits.
     */
    Optional<SessionRecord> writeIfUnchanged(String key, Optional<SessionRecord> expected, Optional<SessionRecord> replacement) {
        Layout layout = readyLayout();
        if (dialect == Dialect.SQLITE) {
            return SqliteBusyRetry.call(locator, () -> writeIfUnchangedOnce(layout, key, expected, replacement));
        }
        try {
            return writeIfUnchangedOnce(layout, key, expected, replacement);
        } catch (StoreException e) {
            if (PgErrors.isSerializationFailure(e)) {
                throw new StaleRecordException(locator, key, expected, current.apply(key));
            }
            throw e;
        }
    }

    private Optional<SessionRecord> writeIfUnchangedOnce(Layout layout, String key, Optional<SessionRecord> expected,
                                                         Optional<SessionRecord> replacement) {
        transactions.beforeUse();
        try (Connection connection = pool.getConnection()) {
            dialect.beginLocked(connection, layout, key);
            try {
                StaleRecordException.requireUnchanged(locator, key, expected, SqlSessionStore.select(connection, layout, key, false));
                writeRows(connection, layout, WriteBatch.of(key, replacement), ProgressMonitor.NONE);
                Optional<SessionRecord> written = SqlSessionStore.select(connection, layout, key, false);
                dialect.commitLocked(connection);
                return written;
            } catch (SQLException | RuntimeException e) {
                dialect.rollbackLocked(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.serverGone(dialect, locator, e)
                    .orElseGet(() -> SqlFailures.writeFailure(locator, "writing session " + SecretMasker.shownKey(key) + " failed", e));
        }
    }

    /** The layout a write uses: upgraded first, and with what an interrupted rebuild left built. */
    private Layout readyLayout() {
        Layout layout = upgradedLayout.get();
        rebuilds.finishInterrupted();
        return layout;
    }

    /** The batch's rows on a connection inside a transaction the caller commits, with what they lifted rebuilt or recorded as owed. */
    private void writeRows(Connection connection, Layout layout, WriteBatch batch, ProgressMonitor monitor) throws SQLException {
        rebuilds.afterRows(connection, BulkRows.write(connection, dialect, layout, batch, monitor));
        if (dialect == Dialect.POSTGRESQL) {
            PostgresFingerprint.publishAtCommit(connection);
        }
    }
}
