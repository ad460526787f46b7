package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreLocator;
import io.ebean.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The indexes a store's large writes lift and build again ({@link Rebuild}), built at once or, once deferred, owed in the
 * store ({@link PendingRebuild}) until {@link #finish} builds them.
 */
final class StoreRebuilds {

    private final Database database;
    private final Dialect dialect;
    private final StoreLocator locator;
    private boolean defers;
    private boolean checkedForInterrupted;

    StoreRebuilds(Database database, Dialect dialect, StoreLocator locator) {
        this.database = database;
        this.dialect = dialect;
        this.locator = locator;
    }

    /**
     * From now on a large write commits its rows without the indexes it lifted, and records in the
     * store what they were ({@link PendingRebuild}); {@link #finish} builds them. A staged
     * store defers them so that they can be built while the rows are verified.
     */
    void defer() {
        defers = true;
    }

    /** Builds what a deferred or interrupted rebuild left, if anything; see {@link PendingRebuild#finish}. */
    void finish(Runnable readersDone) {
        new PendingRebuild(database, dialect, locator, Optional.empty()).finish(readersDone);
    }

    /** The same for a staged SQLite file at {@code staged}, whose search index is built beside the other indexes. */
    void finishStaged(Path staged, Runnable readersDone) {
        new PendingRebuild(database, dialect, locator, Optional.of(staged)).finish(readersDone);
    }

    /** Before a handle's first write: a job killed while it built the indexes left them to the next write. */
    synchronized void finishInterrupted() {
        if (!checkedForInterrupted) {
            finish(() -> { });
            checkedForInterrupted = true;
        }
    }

    /** After a batch's rows, on their connection: what they lifted, built now or recorded as owed when deferred. */
    void afterRows(Connection connection, Rebuild rebuild) throws SQLException {
        if (defers && !rebuild.isEmpty()) {
            PendingRebuild.record(connection, rebuild);
        } else {
            rebuild.runAll(connection);
        }
    }
}
