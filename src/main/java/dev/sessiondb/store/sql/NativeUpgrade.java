package dev.sessiondb.store.sql;

import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreException;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;

/**
 * A native store's schema upgrade as the open store runs it, and the layout the store reads with
 * after it however far it got: each version is committed on its own, so a stop or a failure
 * leaves the store valid at the last version reached.
 */
final class NativeUpgrade {

    private final Dialect dialect;
    private final String storeName;
    private final DataSource pool;
    private final String schema;

    NativeUpgrade(Dialect dialect, String storeName, DataSource pool, String schema) {
        this.dialect = dialect;
        this.storeName = storeName;
        this.pool = pool;
        this.schema = schema;
    }

    /**
     * @param stoppedAt told the layout of the version reached when the upgrade is cancelled or fails
     * @return the layout of the newest version
     */
    Layout run(ProgressMonitor monitor, Consumer<Layout> stoppedAt) {
        try {
            return SqlStores.upgradeNative(dialect, storeName, pool, schema, monitor);
        } catch (CancelledException stopped) {
            stoppedAt.accept(asFarAsUpgraded());
            throw stopped;
        } catch (SQLException | FlywayException e) {
            throw new StoreException(storeName + ": the schema upgrade failed (" + SqlFailures.firstLine(e) + "); " + whereItStopped(e, stoppedAt)
                    + " (each version is committed on its own); run sessiondb upgrade again, or restore its backup", e);
        }
    }

    private String whereItStopped(Exception failure, Consumer<Layout> stoppedAt) {
        try {
            Layout reached = asFarAsUpgraded();
            stoppedAt.accept(reached);
            return "the store is valid at schema version " + reached.schemaVersion();
        } catch (StoreException unreadable) {
            failure.addSuppressed(unreadable); // the failure itself is what to tell
            return "the store is valid at the last version the upgrade reached";
        }
    }

    /** The versions committed before a stop stay: the store reads as the version it is at now. */
    private Layout asFarAsUpgraded() {
        try {
            return new NativeLayout(dialect, storeName, SchemaHistory.installedVersion(pool, NativeSchema.HISTORY_TABLE));
        } catch (SQLException e) {
            throw new StoreException(storeName + ": cannot read the schema history (" + SqlFailures.firstLine(e) + ")", e);
        }
    }
}
