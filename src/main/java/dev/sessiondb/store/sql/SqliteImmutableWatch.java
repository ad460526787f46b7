package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.StoreFingerprint;
import java.nio.file.Path;

/**
 * The change watch of a file read as immutable ({@link SqliteReadAccess}). Its connections never look at the file again once
 * they cached its pages, so a reload after another program's change showed the rows as they were: once a change is seen, the
 * pool drops its connections (a busy one when given back) and the next read opens the file as it is now. Such a connection
 * reads the database file alone, never the WAL, so a checkpoint that copies commits into the file is a change to it even where
 * the commits were seen already in the WAL ({@link SqliteChangeWatch} counts no checkpoint).
 */
final class SqliteImmutableWatch implements ChangeWatch {

    private final Path database;
    private final HikariDataSource pool;
    private final ChangeWatch commits;
    private final String databaseFileAtStart;

    SqliteImmutableWatch(Path database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
        this.commits = new SqliteChangeWatch(database);
        this.databaseFileAtStart = databaseFile();
    }

    @Override
    public boolean changed() {
        boolean changed = commits.changed() || !databaseFile().equals(databaseFileAtStart);
        if (changed) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return changed;
    }

    /** The database file's size, time and identity: what a checkpoint changes. */
    private String databaseFile() {
        return StoreFingerprint.ofFiles(0, database).token();
    }
}
