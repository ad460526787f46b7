package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.concurrent.TimeUnit;

/**
 * A store's pool letting go of every connection while other work takes the database alone
 * ({@link dev.sessiondb.store.SessionStore#whileReleased}): the pool is suspended, so no read opens a
 * connection, and its connections are closed, each once it is given back. Needs the pool made with
 * suspension allowed ({@link SqlStores}).
 */
final class PoolRelease {

    private static final long WAIT_SECONDS = 10;

    private PoolRelease() {
    }

    static void whileReleased(HikariDataSource pool, Runnable work) {
        HikariPoolMXBean connections = pool.getHikariPoolMXBean();
        connections.suspendPool();
        try {
            connections.softEvictConnections();
            awaitNoConnections(connections);
            work.run();
        } finally {
            connections.resumePool();
        }
    }

    /** A read running now gives its connection back when it ends; past the wait, the work meets it and says so. */
    private static void awaitNoConnections(HikariPoolMXBean connections) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (connections.getTotalConnections() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
