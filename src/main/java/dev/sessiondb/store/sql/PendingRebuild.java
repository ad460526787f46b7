package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rebuild left for after the rows' commit, written into the store in the rows' own
 * transaction, so that a job killed while the indexes are built leaves a store that knows what
 * it lacks: each finished step removes its line in the step's transaction, and the next write
 * of the store runs what is left. Only PostgreSQL shows such a store (reads leave it as it is,
 * and search works without the trigram index); a staged SQLite file is renamed into place only
 * after its rebuild.
 */
final class PendingRebuild {

    static final String TABLE = "sessiondb_pending_rebuild";

    private PendingRebuild() {
    }

    static void record(Connection connection, Rebuild rebuild) throws SQLException {
        Rebuild.execute(connection, List.of("CREATE TABLE " + TABLE + " (position INTEGER PRIMARY KEY, setup BOOLEAN NOT NULL, statement TEXT NOT NULL)"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (position, setup, statement) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String sql : rebuild.setup()) {
                add(insert, position++, true, sql);
            }
            for (String sql : rebuild.steps()) {
                add(insert, position++, false, sql);
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, int position, boolean setup, String sql) throws SQLException {
        insert.setInt(1, position);
        insert.setBoolean(2, setup);
        insert.setString(3, sql);
        insert.addBatch();
    }

    /** The rebuild the store still owes, if any. */
    static Optional<Rebuild> find(Connection connection, Dialect dialect) throws SQLException {
        if (!exists(connection, dialect)) {
            return Optional.empty();
        }
        List<String> setup = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT setup, statement FROM " + TABLE + " ORDER BY position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                (rows.getBoolean(1) ? setup : steps).add(rows.getString(2));
            }
        }
        return Optional.of(new Rebuild(setup, steps));
    }

    /** Removes a finished step's line; inside the step's transaction. */
    static void done(Connection connection, String step) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE statement = ? AND NOT setup")) {
            delete.setString(1, step);
            delete.executeUpdate();
        }
    }

    /** Once every step is done. */
    static void drop(Connection connection) throws SQLException {
        Rebuild.execute(connection, List.of("DROP TABLE " + TABLE));
    }

    private static boolean exists(Connection connection, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.SQLITE ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
                : "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, TABLE);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }
}
