package dev.sessiondb.store.sql;

import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.StoreFingerprint;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether another program committed to a SQLite file since the watch began, told by its files' headers and times, not by the digest
 * of its pages that marks it for jobs ({@link SqliteFingerprint#of}), which reads the whole file. In WAL mode a commit writes a
 * new commit frame into the WAL ({@link SqliteFingerprint#lastCommit}); a checkpoint rewrites the database file and may empty
 * the WAL or delete it, but writes no frame. So a new last commit is a change; the same last commit is none, whatever the database
 * file did; no commit in the WAL then or now leaves the database file alone to tell. Only a WAL emptied since holding commits
 * (another program's {@code wal_checkpoint(TRUNCATE)}, or its closing last) hides whether more commits came before: that case
 * compares digests, the one taken at the start only where the WAL held commits then. In rollback-journal mode the header's
 * change counter tells.
 */
final class SqliteChangeWatch implements ChangeWatch {

    private static final String NO_COMMIT = "none";

    private final Path database;
    private final Look start;
    /** The file's mark at the start, where a later look may need it: empty in WAL mode while the WAL holds no commit. */
    private final Optional<String> startMark;

    SqliteChangeWatch(Path database) {
        this.database = database;
        this.start = Look.of(database);
        this.startMark = start.wal() && start.lastCommit().equals(NO_COMMIT) ? Optional.empty() : Optional.of(SqliteFingerprint.of(database));
    }

    @Override
    public boolean changed() {
        Look now = Look.of(database);
        if (now.equals(start)) {
            return false;
        }
        if (!start.wal() || !now.wal()) {
            return !startMark.equals(Optional.of(SqliteFingerprint.of(database)));
        }
        if (!now.lastCommit().equals(NO_COMMIT)) {
            return !now.lastCommit().equals(start.lastCommit());
        }
        if (start.lastCommit().equals(NO_COMMIT)) {
            return !now.databaseFile().equals(start.databaseFile());
        }
        return !startMark.equals(Optional.of(SqliteFingerprint.of(database)));
    }

    /** What the files show without reading a page: the mode, the change counter, the WAL's last commit, the database file's size, time and identity. */
    record Look(SqliteFingerprint.Header header, String lastCommit, String databaseFile) {

        /** A look is taken every few seconds, and before each read of a file read as immutable: the header is read once. */
        static Look of(Path database) {
            return new Look(SqliteFingerprint.header(database), SqliteFingerprint.lastCommit(database), StoreFingerprint.ofFiles(0, database).token());
        }

        boolean wal() {
            return header.walMode();
        }
    }
}
