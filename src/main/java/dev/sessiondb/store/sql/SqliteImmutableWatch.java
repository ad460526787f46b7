package dev.sessiondb.store.sql;

import dev.sessiondb.store.ChangeWatch;
import java.nio.file.Path;

/**
 * The change watch of a file read as immutable ({@link SqliteReadAccess}). Such a connection reads the database file alone,
 * never the WAL, so commits copied from the WAL into the file are a change to it even where they were seen already in the WAL
 * ({@link SqliteChangeWatch} counts no checkpoint): any change of what its files show ({@link SqliteChangeWatch.Look}), the
 * WAL's last commit, which a WAL begun again or deleted after its checkpoint moves, and the database file's size, time and
 * identity among it. The reload it offers reads the file as it is now ({@link SqliteImmutableReads}).
 */
final class SqliteImmutableWatch implements ChangeWatch {

    private final Path database;
    private final SqliteChangeWatch.Look start;

    SqliteImmutableWatch(Path database) {
        this.database = database;
        this.start = SqliteChangeWatch.Look.of(database);
    }

    /** Any change the files show, a checkpoint's too: no page is read, so a watch begun while the WAL holds commits digests nothing. */
    @Override
    public boolean changed() {
        return !SqliteChangeWatch.Look.of(database).equals(start);
    }
}
