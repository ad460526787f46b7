package dev.sessiondb.store.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How SQLite is given a store's file to open. A file in WAL mode (every native store this tool
 * writes) needs its {@code -shm} file beside it to be read, and SQLite cannot create one in a
 * folder the user may not write: another user's store, a read-only mount, a backup disk. Even
 * {@code sqlite3} then says "unable to open database file". When no {@code -wal} file holds
 * commits outside the database file and no {@code -shm} file is there, no program has the store
 * open for writing, and SQLite may read the file as immutable: without locks or the shared index,
 * every row in the file itself. A program that starts writing meanwhile is not seen; a job reading
 * it as a source still compares the files' marks after its read, so such a write stops the job.
 * Writing through such a connection fails as a write to a read-only store does.
 */
final class SqliteReadAccess {

    /** What a store read as immutable tells its user. */
    static final String NOTE = "read-only: its folder is read-only to you, so the file is read as it stands on disk, without SQLite's"
            + " shared-memory file; a program writing it meanwhile is seen once it closes the file, by a reload (the window offers one)"
            + " or opening it again";

    private SqliteReadAccess() {
    }

    /**
     * @param fileName  the name SQLite opens: the database's path, or its URI asking an immutable read
     * @param immutable whether it is read as immutable: the connection must then be read-only and take URI names
     */
    record Access(String fileName, boolean immutable) {
    }

    /** How to open {@code database}. */
    static Access of(Path database) {
        Path absolute = database.toAbsolutePath();
        return readAsImmutable(absolute) ? new Access(absolute.toUri().toASCIIString() + "?immutable=1", true) : new Access(absolute.toString(), false);
    }

    /** The URI to attach {@code database} by, read-only. */
    static String attachUri(Path database) {
        Path absolute = database.toAbsolutePath();
        return absolute.toUri().toASCIIString() + (readAsImmutable(absolute) ? "?immutable=1" : "?mode=ro");
    }

    /** Whether the database can be read only as an immutable file: in WAL mode, its folder not writable, no commits or readers beside it. */
    private static boolean readAsImmutable(Path database) {
        Path folder = database.getParent();
        return folder != null && Files.isRegularFile(database) && !Files.isWritable(folder) && SqliteFingerprint.walMode(database)
                && holdsNothing(Path.of(database + "-wal")) && Files.notExists(Path.of(database + "-shm"));
    }

    private static boolean holdsNothing(Path wal) {
        try {
            return Files.notExists(wal) || Files.size(wal) == 0;
        } catch (IOException unreadable) {
            return false; // SQLite's own open then says what is wrong with it
        }
    }
}
