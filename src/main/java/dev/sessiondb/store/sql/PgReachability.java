package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether a PostgreSQL server can be reached, asked before a statement waits for a connection from a pool that holds none
 * (the pool keeps at least one while the server answers). Hikari would keep trying for its whole connection timeout
 * ({@link #POOL_TIMEOUT_MILLIS}) before giving up, a refused connection included: a plain TCP connect says at once when nothing listens at the server's
 * address, and within {@link #CONNECT_TIMEOUT_SECONDS} when the host does not answer. A server that accepts the connect
 * is left to the pool, however slowly it logs in.
 */
final class PgReachability {

    /**
     * How long a TCP connect to the server may take, here and in the driver ({@code connectTimeout}): a server that is up
     * answers in milliseconds, and this leaves room for two lost SYNs (resent after 1 s, then 2 s).
     */
    static final int CONNECT_TIMEOUT_SECONDS = 4;

    /**
     * How long a statement waits for a connection from the pool (Hikari's {@code connectionTimeout}; SQLite's pools keep 10 s):
     * longer than one connect the host does not answer, so the pool's failure carries the driver's reason; long enough for a
     * slow server's log-in; and a stopped server's first statement, which finds the pool's connection dead, says so in 5 s.
     */
    static final long POOL_TIMEOUT_MILLIS = 5_000;

    private PgReachability() {
    }

    /** @throws dev.sessiondb.store.StoreException "cannot reach PostgreSQL at HOST:PORT (...)" when the pool is empty and the server does not answer */
    static void check(HikariDataSource pool, StoreLocator locator) {
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        if (state == null || state.getTotalConnections() > 0) {
            return;
        }
        PgCredentials credentials = PgCredentials.resolve(locator);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(credentials.host(), credentials.port()), CONNECT_TIMEOUT_SECONDS * 1000);
        } catch (IOException e) {
            throw PgErrors.describe(locator, credentials, e);
        }
    }
}
