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
 * A schema Flyway would make in an empty database, made in one transaction from the same
 * migration scripts, with the schema history Flyway would have written: a later Flyway run finds
 * every version applied, each with its checksum. Flyway takes 0.2 s (SQLite) to 0.4 s
 * (PostgreSQL) of a fresh JVM to make an empty store (BENCHMARKS.md); this takes the scripts' own
 * time. Only for a database with no table yet: anything else is Flyway's. Java migrations are
 * recorded, not run: there is nothing in an empty database for them to change.
 */
public final class SchemaAtOnce {

    private final Dialect dialect;
    private final String historyTable;
    private final String folder;
    private final List<String> scripts;
    private final List<JavaMigration> javaMigrations;

    private SchemaAtOnce(Dialect dialect, String historyTable, String folder, List<String> scripts, List<JavaMigration> javaMigrations) {
        this.dialect = dialect;
        this.historyTable = historyTable;
        this.folder = folder;
        this.scripts = List.copyOf(scripts);
        this.javaMigrations = List.copyOf(javaMigrations);
    }

    /**
     * @param folder the scripts' folder on the class path, as Flyway's location names it without {@code classpath:}
     * @param scripts every SQL migration in that folder (a test holds the list to the folder)
     */
    public static SchemaAtOnce sqlite(String historyTable, String folder, List<String> scripts) {
        return new SchemaAtOnce(Dialect.SQLITE, historyTable, folder, scripts, List.of());
    }

    static SchemaAtOnce of(Dialect dialect, String historyTable, String folder, List<String> scripts, List<JavaMigration> javaMigrations) {
        return new SchemaAtOnce(dialect, historyTable, folder, scripts, javaMigrations);
    }

    /** Makes the schema and its history in an empty database; a failure leaves it empty. */
    public void create(DataSource dataSource) throws SQLException {
        create(dataSource, connection -> null);
    }

    /** As {@link #create(DataSource)}, with {@code alsoInTheTransaction} run once the schema is made, before the commit. */
    void create(DataSource dataSource, SqlWork<Void> alsoInTheTransaction) throws SQLException {
        List<Step> steps = steps();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (Step step : steps) {
                    if (step.sql() != null) {
                        // both drivers run a whole script in one call (sqlite3_exec; PostgreSQL's simple query protocol)
                        statement.executeUpdate(step.sql());
                    }
                }
                for (String ddl : historyTable()) {
                    statement.executeUpdate(ddl);
                }
                insert(connection, steps.stream().map(Step::row).toList());
                alsoInTheTransaction.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                SqlTransactions.rollBack(connection, e);
                throw e;
            }
        }
    }

    /** The scripts of this schema, in order. */
    public List<String> scripts() {
        return scripts;
    }

    /** One line of Flyway's schema history, as Flyway writes it for each migration. */
    record HistoryRow(String version, String description, String type, String script, int checksum) {
    }

    /** A migration as Flyway records it, and the SQL it runs (none for a Java migration). */
    private record Step(HistoryRow row, String sql) {
    }

    /** The history once every migration is applied, in the order Flyway applies them. */
    List<HistoryRow> history() {
        return steps().stream().map(Step::row).toList();
    }

    /** Every migration in the order Flyway applies them, each script read once. */
    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (String script : scripts) {
            String version = script.substring(1, script.indexOf("__"));
            String description = script.substring(script.indexOf("__") + 2, script.length() - ".sql".length()).replace('_', ' ');
            String sql = text(script);
            steps.add(new Step(new HistoryRow(version, description, "SQL", script, checksum(sql)), sql));
        }
        for (JavaMigration migration : javaMigrations) {
            steps.add(new Step(new HistoryRow(migration.getVersion().getVersion(), migration.getDescription(), "JDBC",
                    migration.getClass().getName(), migration.getChecksum()), null));
        }
        steps.sort(Comparator.comparing(step -> MigrationVersion.fromVersion(step.row().version())));
        return steps;
    }

    /** Flyway's checksum of a script: CRC32 over each line's UTF-8 bytes, line breaks left out. */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        script.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    private String text(String script) {
        String resource = folder + "/" + script;
        try (InputStream in = SchemaAtOnce.class.getClassLoader().getResourceAsStream(resource)) {
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
    private List<String> historyTable() {
        String table = Dialect.quote(historyTable);
        String successIndex = "CREATE INDEX " + Dialect.quote(historyTable + "_s_idx") + " ON " + table + " (\"success\")";
        if (dialect == Dialect.POSTGRESQL) {
            return List.of("CREATE TABLE " + table + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL,"
                            + " \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL,"
                            + " \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), \"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL)",
                    "ALTER TABLE " + table + " ADD CONSTRAINT " + Dialect.quote(historyTable + "_pk") + " PRIMARY KEY (\"installed_rank\")",
                    successIndex);
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
                )""".formatted(table), successIndex);
    }

    private void insert(Connection connection, List<HistoryRow> history) throws SQLException {
        // Flyway records the database user on PostgreSQL and an empty name on SQLite
        String installedBy = dialect == Dialect.POSTGRESQL ? "current_user" : "''";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + Dialect.quote(historyTable)
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
