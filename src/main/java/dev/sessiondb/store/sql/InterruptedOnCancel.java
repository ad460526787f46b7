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
import org.sqlite.SQLiteConnection;

/**
 * An upgrade's connections, handed out as the pool's are, and a watcher that interrupts the SQLite ones
 * in use once the upgrade is cancelled: a single statement (V4's index rebuild) can run for
 * seconds and checks nothing. It interrupts again until the upgrade ends, since an interrupt
 * reaches only statements running at that moment. SQLite rolls the interrupted transaction back
 * itself (Flyway's own rollback then finds none and logs so): the version stays as it was.
 */
final class InterruptedOnCancel implements DataSource, AutoCloseable {

    private static final long LOOK_MILLIS = 50;

    private final DataSource pool;
    private final Set<Connection> lent = ConcurrentHashMap.newKeySet();
    private final Thread watcher;

    InterruptedOnCancel(DataSource pool, Dialect dialect, ProgressMonitor monitor) {
        this.pool = pool;
        watcher = new Thread(() -> watch(monitor), "sessiondb-upgrade-interrupt");
        watcher.setDaemon(true);
        if (dialect == Dialect.SQLITE) {
            watcher.start();
        }
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

    private static void interrupt(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.unwrap(SQLiteConnection.class).getDatabase().interrupt();
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
