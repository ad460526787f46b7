package dev.sessiondb.store.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A new native store's schema, made in one transaction from the same migration scripts Flyway
 * runs, with the schema history Flyway would have written: a later Flyway run sees every version
 * applied, each with its checksum. Flyway takes 0.2 s (SQLite) to 0.4 s (PostgreSQL) of a fresh
 * JVM to make an empty store (BENCHMARKS.md); this takes the scripts' own time. Only for a store
 * with no table yet: anything else is Flyway's ({@link NativeSchema#migrate}).
 */
final class NewStoreSchema {

    /** The SQL migrations of both dialects, in order; V3 is a Java step with nothing to do in an empty store. */
    static final List<String> SCRIPTS = List.of("V1__sessions.sql", "V2__extracted_columns_and_search.sql", "V4__one_search_column.sql");

    private NewStoreSchema() {
    }

    /** Makes the newest schema and its history in an empty store; returns the version it is at. */
    static String create(DataSource dataSource, Dialect dialect) throws SQLException {
        List<HistoryRow> history = history(dialect);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (HistoryRow row : history) {
                    if (row.type().equals("SQL")) {
                        // both drivers run a whole script in one call (sqlite3_exec; PostgreSQL's simple query protocol)
                        statement.executeUpdate(text(dialect, row.script()));
                    }
                }
                for (String ddl : historyTable(dialect)) {
                    statement.executeUpdate(ddl);
                }
                insert(connection, dialect, history);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        }
        return NativeSchema.NEWEST;
    }

    /** SQLite has already rolled back after some failures (a full disk): the failure is what the user needs to hear, not the rollback's. */
    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /** One line of Flyway's schema history, as Flyway writes it for each migration. */
    record HistoryRow(String version, String description, String type, String script, int checksum) {
    }

    /** The history of a store at the newest version, in the order Flyway applies the migrations. */
    static List<HistoryRow> history(Dialect dialect) {
        List<HistoryRow> rows = new ArrayList<>();
        for (String script : SCRIPTS) {
            String version = script.substring(1, script.indexOf("__"));
            String description = script.substring(script.indexOf("__") + 2, script.length() - ".sql".length()).replace('_', ' ');
            rows.add(new HistoryRow(version, description, "SQL", script, checksum(text(dialect, script))));
        }
        JavaMigration step = new NativeSchema.ExtractColumnsFromRecords();
        rows.add(new HistoryRow(step.getVersion().getVersion(), step.getDescription(), "JDBC", step.getClass().getName(), step.getChecksum()));
        rows.sort(Comparator.comparing(row -> MigrationVersion.fromVersion(row.version())));
        return rows;
    }

    /** Flyway's checksum of a script: CRC32 over each line's UTF-8 bytes, line breaks left out. */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        script.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    private static String text(Dialect dialect, String script) {
        String resource = dialect.flywayLocation().substring("classpath:".length()) + "/" + script;
        try (InputStream in = NewStoreSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the migration " + resource + " is not in the jar");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's own definition of its history table, per dialect. */
    private static List<String> historyTable(Dialect dialect) {
        String table = Dialect.quote(NativeSchema.HISTORY_TABLE);
        if (dialect == Dialect.POSTGRESQL) {
            return List.of("CREATE TABLE " + table + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL,"
                            + " \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL,"
                            + " \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), \"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL)",
                    "ALTER TABLE " + table + " ADD CONSTRAINT " + Dialect.quote(NativeSchema.HISTORY_TABLE + "_pk") + " PRIMARY KEY (\"installed_rank\")",
                    "CREATE INDEX " + Dialect.quote(NativeSchema.HISTORY_TABLE + "_s_idx") + " ON " + table + " (\"success\")");
        }
        // laid out as Flyway lays it out, since SQLite keeps the text
        return List.of("""
                CREATE TABLE %s (
                    "installed_rank" INT NOT NULL PRIMARY KEY,
                    "version" VARCHAR(50),
                    "description" VARCHAR(200) NOT NULL,
                    "type" VARCHAR(20) NOT NULL,
                    "script" VARCHAR(1000) NOT NULL,
                    "checksum" INT,
                    "installed_by" VARCHAR(100) NOT NULL,
                    "installed_on" TEXT NOT NULL DEFAULT (strftime('%%Y-%%m-%%d %%H:%%M:%%f','now')),
                    "execution_time" INT NOT NULL,
                    "success" BOOLEAN NOT NULL
                )""".formatted(table),
                "CREATE INDEX " + Dialect.quote(NativeSchema.HISTORY_TABLE + "_s_idx") + " ON " + table + " (\"success\")");
    }

    private static void insert(Connection connection, Dialect dialect, List<HistoryRow> history) throws SQLException {
        // Flyway records the database user on PostgreSQL and an empty name on SQLite
        String installedBy = dialect == Dialect.POSTGRESQL ? "current_user" : "''";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + Dialect.quote(NativeSchema.HISTORY_TABLE)
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (?, ?, ?, ?, ?, ?, " + installedBy + ", 0, ?)")) {
            int rank = 1;
            for (HistoryRow row : history) {
                insert.setInt(1, rank++);
                insert.setString(2, row.version());
                insert.setString(3, row.description());
                insert.setString(4, row.type());
                insert.setString(5, row.script());
                insert.setInt(6, row.checksum());
                insert.setBoolean(7, true);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
