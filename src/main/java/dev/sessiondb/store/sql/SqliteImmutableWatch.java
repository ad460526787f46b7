package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.store.ChangeWatch;
import java.nio.file.Path;

/**
 * The change watch of a file read as immutable ({@link SqliteReadAccess}). Its connections never look at the file again once
 * they cached its pages, so a reload after another program's change showed the rows as they were: once a change is seen, the
 * pool drops its connections (a busy one when given back) and the next read opens the file as it is now. Such a connection
 * reads the database file alone, never the WAL, so commits copied from the WAL into the file are a change to it even where
 * they were seen already in the WAL ({@link SqliteChangeWatch} counts no checkpoint): any change of what its files show
 * ({@link SqliteChangeWatch.Look}), the WAL's last commit, which a WAL begun again or deleted after its checkpoint moves, and
 * the database file's size, time and identity among it.
 */
final class SqliteImmutableWatch implements ChangeWatch {

    private final Path database;
    private final HikariDataSource pool;
    private final SqliteChangeWatch.Look start;

    SqliteImmutableWatch(Path database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
        this.start = SqliteChangeWatch.Look.of(database);
    }

    /** Any change the files show, a checkpoint's too: no page is read, so a watch begun while the WAL holds commits digests nothing. */
    @Override
    public boolean changed() {
        boolean changed = !SqliteChangeWatch.Look.of(database).equals(start);
        if (changed) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return changed;
    }
}
