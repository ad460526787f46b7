package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Holds a lock on every table of a PostgreSQL store from another connection, so the job blocks
 * mid-job on its first write (EXCLUSIVE) or read (ACCESS EXCLUSIVE); then ends the blocked
 * connection, or every connection of the database as a restart would. Closing lets go.
 */
final class PgLock implements AutoCloseable {

    private final AdminConnections server;
    private final Connection connection;
    private final int holderPid;

    private PgLock(AdminConnections server, Connection connection) throws SQLException {
        this.server = server;
        this.connection = connection;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            holderPid = row.getInt(1);
        }
    }

    static PgLock on(AdminConnections server, StoreLocator store, String mode) throws SQLException {
        Connection connection = server.open();
        connection.setAutoCommit(false);
        String schema = store.param("schema").orElseThrow();
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add('"' + schema + "\".\"" + rows.getString(1) + '"');
                }
            }
        }
        assertThat(tables).as("tables of " + store.display()).isNotEmpty();
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE " + String.join(", ", tables) + " IN " + mode + " MODE");
        }
        return new PgLock(server, connection);
    }

    /** Waits until a job's connection waits on the lock, then ends it (or all but this one: a restart). */
    void endBlockedConnections(boolean everyConnection) {
        String others = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> ?"
                + " AND backend_type = 'client backend'";
        try (Connection watcher = server.open()) {
            List<Integer> pids = awaitBlocked(watcher);
            if (everyConnection) {
                pids = pids(watcher, others, holderPid);
            }
            for (int pid : pids) {
                pids(watcher, "SELECT pg_terminate_backend(" + pid + ")", null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns once a job's connection waits on the lock, mid-job. */
    void awaitBlockedConnections() {
        try (Connection watcher = server.open()) {
            awaitBlocked(watcher);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> awaitBlocked(Connection watcher) throws SQLException {
        String blocked = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<Integer> pids = pids(watcher, blocked, null);
            if (!pids.isEmpty()) {
                return pids;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the job", e);
            }
        }
        throw new AssertionError("the job never reached the locked table");
    }

    private static List<Integer> pids(Connection connection, String sql, Integer parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setInt(1, parameter);
            }
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getObject(1) instanceof Integer pid ? pid : 0);
                }
            }
            return pids;
        }
    }

    /** Lets go; after a restart the holder's session is gone already and so is its lock. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException sessionEnded) {
            // the server was restarted under it
        } finally {
            connection.close();
        }
    }

    /** How the test reaches a server as its administrator. */
    @FunctionalInterface
    interface AdminConnections {
        Connection open() throws SQLException;
    }
}
