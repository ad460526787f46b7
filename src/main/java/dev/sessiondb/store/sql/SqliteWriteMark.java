package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A SQLite store's write mark ({@link dev.sessiondb.store.SessionStore#writeMark}): it moves when another program commits to
 * the file, and not when one only checkpoints (copies the WAL's commits into the database file, empties the WAL, or closes
 * last and deletes it), which changes the files but no record.
 * <p>
 * In WAL mode the first mark opens a connection of its own and holds a read transaction on it until the store closes (the
 * pin). While a reader holds its place SQLite lets nobody copy commits made after that place into the database file, start
 * the WAL over them or delete it: every later commit stays in the WAL, after the last commit the pin saw or, where the database
 * already held that one, in a WAL begun again under new salts. So until someone commits, the WAL's last commit is the one seen
 * when pinning, or none (a checkpoint emptied a WAL whose commits the database already held); the database file's size and
 * time, which a checkpoint changes, do not enter. The pin holds back only another program's emptying of the WAL, as the job's
 * own read does while it runs. In rollback-journal mode every commit increments the database header's change counter and
 * there is nothing to checkpoint: no pin there, as a held read would keep every writer out.
 * <p>
 * A file read as immutable ({@link SqliteReadAccess}: its folder read-only to us, another user's folder perhaps, which its
 * owner may still write) takes no locks, so a pin holds nothing back: another program may commit, checkpoint and delete the
 * WAL between two marks. Its mark is the digest of what it holds ({@link SqliteFingerprint#of}), which a commit moves and a
 * checkpoint does not.
 */
final class SqliteWriteMark implements WriteMark {

    private static final String NO_COMMIT = "none";

    private final Path database;
    private final DataSource connections;
    private final boolean immutable;
    private Connection pin;
    private String commitWhenPinned;
    /** How many pins were taken: a mark names its pin, as marks under two pins do not compare (see {@link #release()}). */
    private int pins;

    /** @param immutable whether the store's connections read the file as immutable */
    SqliteWriteMark(Path database, DataSource connections, boolean immutable) {
        this.database = database;
        this.connections = connections;
        this.immutable = immutable;
    }

    @Override
    public synchronized String now() {
        if (immutable || pin == null && !SqliteFingerprint.walMode(database)) {
            return SqliteFingerprint.of(database);
        }
        if (pin == null) {
            pin();
        }
        String commit = SqliteFingerprint.lastCommit(database);
        return "pin " + pins + (commit.equals(commitWhenPinned) || commit.equals(NO_COMMIT) ? ", no commit since" : ", commit " + commit);
    }

    private void pin() {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException(database + ": cannot read the SQLite file (" + e.getMessage() + "); check that it is readable and not locked", e);
        }
        pin = connection;
        pins++;
        // read once the place is held: a commit before it is in what the job reads next, one after it moves the mark
        commitWhenPinned = SqliteFingerprint.lastCommit(database);
    }

    /** The next mark takes a new pin and differs from every mark before. */
    @Override
    public synchronized void release() {
        closeQuietly(pin);
        pin = null;
    }

    /** A read transaction holds nothing to undo: closing it cannot lose anything. */
    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException nothingToUndo) {
            // the read's place is given up with the connection either way
        }
    }
}
