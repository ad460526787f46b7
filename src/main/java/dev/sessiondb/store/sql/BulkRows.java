package dev.sessiondb.store.sql;

import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.WriteBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's rows written in bulk on a connection, inside a transaction the caller commits: the
 * old rows removed (every one, or the batch's deletes), then each record's rows through one sink
 * per table the layout writes, all sinks flushed together, in the layout's order, every
 * {@link Dialect#rowsPerFlush()} records.
 */
final class BulkRows {

    /** From this many records on, a layout may rebuild its indexes once instead of keeping them per row. */
    private static final long LARGE_BATCH = 10_000;

    private BulkRows() {
    }

    /** Writes the rows; returns what the layout lifted for them, which the caller rebuilds or records as owed. */
    static Rebuild write(Connection connection, Dialect dialect, Layout layout, WriteBatch batch, ProgressMonitor monitor) throws SQLException {
        Rebuild.execute(connection, dialect.writerSettings());
        Rebuild rebuild = layout.beforeRows(connection, batch.replaceAll() || batch.expectedCount() >= LARGE_BATCH);
        removeOld(connection, layout, batch);
        List<BulkSink> sinks = new ArrayList<>();
        try {
            for (TableWrite write : layout.writes()) {
                sinks.add(dialect.sink(connection, write));
            }
            int flushEvery = dialect.rowsPerFlush();
            long done = 0;
            while (batch.upserts().hasNext()) {
                if (monitor.isCancelled()) {
                    throw new CancelledException();
                }
                layout.rows(batch.upserts().next(), (write, values) -> sinks.get(write).add(values));
                monitor.progress(++done, batch.expectedCount());
                if (done % flushEvery == 0) {
                    for (BulkSink sink : sinks) {
                        sink.flush();
                    }
                }
            }
            for (BulkSink sink : sinks) {
                sink.finish();
            }
        } finally {
            sinks.forEach(BulkSink::close);
        }
        return rebuild;
    }

    private static void removeOld(Connection connection, Layout layout, WriteBatch batch) throws SQLException {
        if (batch.replaceAll()) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : layout.clearStatements()) {
                    statement.execute(sql);
                }
            }
            return;
        }
        for (String sql : layout.deleteStatements()) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (String key : batch.deletes()) {
                    statement.setString(1, key);
                    statement.addBatch();
                }
                if (!batch.deletes().isEmpty()) {
                    statement.executeBatch();
                }
            }
        }
    }
}
