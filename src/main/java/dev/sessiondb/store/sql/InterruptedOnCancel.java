package dev.sessiondb.store.sql;

import dev.sessiondb.progress.ProgressMonitor;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.sqlite.SQLiteConnection;

/**
 * An upgrade's connections, handed out as the pool's are, and a watcher that interrupts the ones
 * in use once the upgrade is cancelled: a single statement (V4's or V6's index build, or one waiting
 * for another client's lock) can run for minutes and checks nothing. It interrupts again until the
 * upgrade ends, since an interrupt reaches only statements running at that moment. SQLite rolls the
 * interrupted transaction back itself (Flyway's own rollback then finds none and logs so); PostgreSQL
 * fails the cancelled statement, as JDBC's {@code Statement.cancel()} does, and Flyway rolls the
 * version back: the version stays as it was.
 */
final class InterruptedOnCancel implements DataSource, AutoCloseable {

    private static final long LOOK_MILLIS = 50;

    private final DataSource pool;
    private final Dialect dialect;
    private final Set<Connection> lent = ConcurrentHashMap.newKeySet();
    private final Thread watcher;

    InterruptedOnCancel(DataSource pool, Dialect dialect, ProgressMonitor monitor) {
        this.pool = pool;
        this.dialect = dialect;
        watcher = new Thread(() -> watch(monitor), "sessiondb-upgrade-interrupt");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        lent.add(connection);
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection connection = pool.getConnection(username, password);
        lent.add(connection);
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }

    private void watch(ProgressMonitor monitor) {
        try {
            while (true) {
                Thread.sleep(LOOK_MILLIS);
                if (monitor.isCancelled()) {
                    for (Connection connection : lent) {
                        interrupt(connection);
                    }
                }
            }
        } catch (InterruptedException upgradeEnded) {
            // close() ends the watch
        }
    }

    private void interrupt(Connection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (dialect == Dialect.SQLITE) {
                connection.unwrap(SQLiteConnection.class).getDatabase().interrupt();
            } else {
                // the statement under way is Flyway's, so the connection's cancel request stands for Statement.cancel()
                connection.unwrap(PGConnection.class).cancelQuery();
            }
        } catch (SQLException closedMeanwhile) {
            // a connection given back has nothing running
        }
    }

    /** Ends the watch and waits for it, so no late interrupt reaches a statement after the upgrade. */
    @Override
    public void close() {
        watcher.interrupt();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
