package dev.sessiondb.faults;

import dev.sessiondb.store.StoreLocator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server of its own that a test stops and starts again on the same data directory
 * and port, as an administrator's restart does, unlike the suite's shared server
 * ({@link dev.sessiondb.store.sql.TestPostgres}), which other tests use meanwhile.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) throws IOException {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = start();
    }

    public static RestartablePostgres create(Path folder) {
        try (ServerSocket free = new ServerSocket(0)) {
            int port = free.getLocalPort();
            free.close();
            return new RestartablePostgres(Files.createDirectories(folder.resolve("pgdata")), port);
        } catch (IOException e) {
            throw new UncheckedIOException("the restartable PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** A locator of a fresh schema on this server, created by the first write. */
    public StoreLocator freshSchema() {
        return StoreLocator.parse("postgresql://postgres@localhost:" + port + "/postgres?schema=r" + ProcessHandle.current().pid()
                + "_" + SCHEMAS.incrementAndGet());
    }

    /** The port the server listens on, and keeps across a restart; nothing listens there once it is closed. */
    public int port() {
        return port;
    }

    Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** Stops the server (fast shutdown: every session ends, open transactions roll back) and starts it again on the same directory and port. */
    synchronized void restart() {
        try {
            server.close();
            server = start();
        } catch (IOException e) {
            throw new UncheckedIOException("the restart of PostgreSQL on port " + port + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops the server until {@link #startAgain()}, as an administrator's {@code pg_ctl stop} does. */
    synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop: " + e.getMessage(), e);
        }
    }

    /** Starts a server {@link #stop()} stopped, on the same directory and port. */
    synchronized void startAgain() {
        try {
            server = start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not start again: " + e.getMessage(), e);
        }
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
    }
}
