package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/**
 * Keeps the reads of a file read as immutable ({@link SqliteReadAccess}) on the file as it is now. Such a connection never
 * looks at the file again once it cached its pages, so a read after another program's change, a reload pressed before the
 * window's watch looked again among them, showed the rows as they were. Before each read this looks at what the files show
 * ({@link SqliteChangeWatch.Look}: a few bytes of their headers, no page), and on any change since the last look the pool drops
 * its connections (a busy one when given back), so the read opens the file anew.
 */
final class SqliteImmutableReads {

    private final Path database;
    private final HikariDataSource pool;
    /** What the files showed at the last look; none before the first, which drops the connections the store's open made. */
    private SqliteChangeWatch.Look lastLook;

    SqliteImmutableReads(Path database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
    }

    synchronized void lookBeforeRead() {
        SqliteChangeWatch.Look now = SqliteChangeWatch.Look.of(database);
        if (!now.equals(lastLook)) {
            pool.getHikariPoolMXBean().softEvictConnections();
            lastLook = now;
        }
    }
}
