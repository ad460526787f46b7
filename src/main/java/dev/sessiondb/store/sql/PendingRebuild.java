package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import io.ebean.Database;
import io.ebean.Transaction;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A rebuild left for after the rows' commit, written into the store in the rows' own
 * transaction, so that a job killed while the indexes are built leaves a store that knows what
 * it lacks: each finished step removes its line in the step's transaction, and the next write
 * of the store runs what is left. Only PostgreSQL shows such a store (reads leave it as it is,
 * and search works without the trigram index); a staged SQLite file is renamed into place only
 * after its rebuild. An instance runs what a store owes.
 */
final class PendingRebuild {

    static final String TABLE = "sessiondb_pending_rebuild";
    /** Index builds at once on PostgreSQL: each takes a server core, and the rows' verification wants one too. */
    private static final int PARALLEL_BUILDS = 2;

    private final Database database;
    private final Dialect dialect;
    private final StoreLocator locator;
    /** A SQLite file built out of sight, whose committed rows a second connection may read during the rebuild. */
    private final Optional<Path> stagedFile;

    PendingRebuild(Database database, Dialect dialect, StoreLocator locator, Optional<Path> stagedFile) {
        this.database = database;
        this.dialect = dialect;
        this.locator = locator;
        this.stagedFile = stagedFile;
    }

    /**
     * Builds what the store owes, if anything: SQLite in one transaction (one writer), whose
     * commit first waits for {@code readersDone} (the rebuild keeps its pages in memory until
     * then, so a reader of the rows is never locked out); PostgreSQL two steps at a time on their
     * own connections, the statistics steps after the others, each step committed with the removal
     * of its line.
     */
    void finish(Runnable readersDone) {
        try {
            Optional<Rebuild> owed = inTransaction(connection -> find(connection, dialect));
            if (owed.isEmpty()) {
                return;
            }
            if (dialect == Dialect.SQLITE) {
                finishSqlite(owed.get(), readersDone);
            } else {
                buildInParallel(owed.get());
                inTransaction(connection -> {
                    drop(connection);
                    return null;
                });
            }
        } catch (SQLException | PersistenceException e) {
            // a staged SQLite file is not in place yet; PostgreSQL's rows are committed and visible
            String outcome = dialect == Dialect.SQLITE ? "the store was not put in place"
                    : "the records are written, and the next write of the store builds the indexes again";
            throw SqlFailures.diskFull(locator, e).or(() -> asideFilledTheDisk(e)).orElseGet(() -> new StoreException(locator.display()
                    + ": building the indexes failed (" + SqlFailures.firstLine(e) + "); " + outcome, e));
        }
    }

    /**
     * One transaction, whose commit first waits for {@code readersDone}; the search index of a
     * staged file is built aside meanwhile, on its own connection, and copied in at the end.
     */
    private void finishSqlite(Rebuild rebuild, Runnable readersDone) throws SQLException {
        // the pool's connection itself, not Ebean's transaction: the side file is detached from it
        // after the commit, which SQLite allows only outside a transaction
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            // closed (its file removed) after the finally below has detached it, whatever happens
            try (SqliteSearchAside aside = asideFor(connection, rebuild)) {
                boolean built = false;
                try {
                    Rebuild.execute(connection, dialect.writerSettings());
                    Rebuild.execute(connection, List.of("PRAGMA cache_spill = OFF"));
                    if (aside == null) {
                        rebuild.runAll(connection);
                    } else {
                        rebuild.without(NativeBatchIndexes.SEARCH_REBUILD).runAll(connection);
                        aside.copyInto(connection);
                    }
                    drop(connection);
                    readersDone.run();
                    connection.commit();
                    built = true;
                } catch (SQLException | RuntimeException e) {
                    SqlTransactions.rollBack(connection, e);
                    throw e;
                } finally {
                    autoCommitAgain(connection, built);
                    if (aside != null) {
                        aside.detachFrom(connection);
                    }
                }
            }
        }
    }

    /**
     * Back to autocommit, which commits what is open: after a failure SQLite may have ended the transaction itself (a
     * full disk), and its "cannot commit - no transaction is active" would stand for the build's own failure.
     */
    private static void autoCommitAgain(Connection connection, boolean built) throws SQLException {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (built) {
                throw e;
            }
        }
    }

    /**
     * The search index's side file is written without a journal: a full disk can leave it damaged, and reading it back then
     * fails as damage, not as the full disk it met. With less room left than the staged file takes, the disk is what failed.
     */
    private Optional<StoreException> asideFilledTheDisk(Exception e) {
        if (stagedFile.isEmpty() || !StoreFaults.isSqliteDamage(e)) {
            return Optional.empty();
        }
        Path folder = stagedFile.get().toAbsolutePath().getParent();
        try {
            if (Files.getFileStore(folder).getUsableSpace() >= Files.size(stagedFile.get())) {
                return Optional.empty();
            }
        } catch (IOException unknown) {
            return Optional.empty();
        }
        return Optional.of(new StoreFaultException(locator.display(), StoreFaults.diskFull(" at " + folder), e));
    }

    /** The search index's side build, when the rebuild owes one and the store is a staged file whose table it fits; else null. */
    private SqliteSearchAside asideFor(Connection connection, Rebuild rebuild) throws SQLException {
        if (stagedFile.isEmpty() || !rebuild.steps().contains(NativeBatchIndexes.SEARCH_REBUILD) || !SqliteSearchAside.fits(connection)) {
            return null;
        }
        return SqliteSearchAside.start(stagedFile.get());
    }

    private void buildInParallel(Rebuild rebuild) throws SQLException {
        ExecutorService builders = Executors.newFixedThreadPool(PARALLEL_BUILDS, runnable -> new Thread(runnable, "sessiondb-index-build"));
        try {
            // the statistics steps only once the indexes are built, whose expressions they gather too
            for (boolean statistics : List.of(false, true)) {
                List<Future<?>> steps = new ArrayList<>();
                for (String step : rebuild.steps()) {
                    if (Rebuild.gathersStatistics(step) == statistics) {
                        steps.add(builders.submit(() -> runStep(rebuild, step)));
                    }
                }
                for (Future<?> step : steps) {
                    step.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while building the indexes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause().getMessage(), e.getCause());
        } finally {
            builders.shutdownNow();
        }
    }

    private Void runStep(Rebuild rebuild, String step) throws SQLException {
        return inTransaction(connection -> {
            Rebuild.execute(connection, rebuild.setup());
            Rebuild.execute(connection, List.of(step));
            done(connection, step);
            return null;
        });
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        Transaction transaction = database.createTransaction();
        try {
            T result = work.run(transaction.connection());
            transaction.commit();
            return result;
        } finally {
            transaction.end();
        }
    }

    static void record(Connection connection, Rebuild rebuild) throws SQLException {
        Rebuild.execute(connection, List.of("CREATE TABLE " + TABLE + " (position INTEGER PRIMARY KEY, setup BOOLEAN NOT NULL, statement TEXT NOT NULL)"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (position, setup, statement) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String sql : rebuild.setup()) {
                add(insert, position++, true, sql);
            }
            for (String sql : rebuild.steps()) {
                add(insert, position++, false, sql);
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, int position, boolean setup, String sql) throws SQLException {
        insert.setInt(1, position);
        insert.setBoolean(2, setup);
        insert.setString(3, sql);
        insert.addBatch();
    }

    /** The rebuild the store still owes, if any. */
    private static Optional<Rebuild> find(Connection connection, Dialect dialect) throws SQLException {
        if (!exists(connection, dialect)) {
            return Optional.empty();
        }
        List<String> setup = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT setup, statement FROM " + TABLE + " ORDER BY position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                (rows.getBoolean(1) ? setup : steps).add(rows.getString(2));
            }
        }
        return Optional.of(new Rebuild(setup, steps));
    }

    /** Removes a finished step's line; inside the step's transaction. */
    private static void done(Connection connection, String step) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE statement = ? AND NOT setup")) {
            delete.setString(1, step);
            delete.executeUpdate();
        }
    }

    /** Once every step is done. */
    private static void drop(Connection connection) throws SQLException {
        Rebuild.execute(connection, List.of("DROP TABLE " + TABLE));
    }

    private static boolean exists(Connection connection, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.SQLITE ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
                : "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, TABLE);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }
}
