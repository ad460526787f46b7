package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/** The native layout's schema, owned by Flyway: SQL migrations per dialect plus one Java step shared by both. */
final class NativeSchema {

    static final String HISTORY_TABLE = "sessiondb_schema_history";
    /** From this version on, the key, task id, repository and branch are searched as one text. */
    static final int ONE_SEARCH_TEXT = 4;
    /** From this version on, that text leaves out a branch equal to the key, and PostgreSQL's columns compare as bytes. */
    static final int LEANER_INDEXES = 5;
    /** From this version on (PostgreSQL only), that text also leaves out a task id the key holds, and is indexed in two halves. */
    static final int SEARCH_IN_HALVES = 6;
    /** From these versions on, a task id's index holds its task order ({@link TaskOrderSql}) instead of its text. */
    private static final Map<Dialect, Integer> TASK_ORDER_INDEX = Map.of(Dialect.SQLITE, 6, Dialect.POSTGRESQL, 7);
    /** From this version on, the sort and filter columns are filled ({@link ExtractColumnsFromRecords}). */
    static final int COLUMNS_FILLED = 3;
    /** The SQL migrations both dialects share, in order (a test holds the lists to the folders). */
    private static final List<String> SHARED_SCRIPTS = List.of("V1__sessions.sql", "V2__extracted_columns_and_search.sql",
            "V4__one_search_column.sql", "V5__leaner_indexes.sql");
    /**
     * PostgreSQL's V6 splits its trigram index in two that build side by side; SQLite's FTS5 index
     * rebuilt from the same shorter text took as long (0.70-0.73 s against 0.72 s at 300k), so
     * SQLite has no such version: its V6 is PostgreSQL's V7, the task order's index.
     */
    private static final Map<Dialect, List<String>> ONLY_SCRIPTS = Map.of(Dialect.SQLITE, List.of("V6__task_order_index.sql"),
            Dialect.POSTGRESQL, List.of("V6__leaner_search_text.sql", "V7__task_order_index.sql"));

    private NativeSchema() {
    }

    /** Whether a store at {@code version} has reached {@code schemaVersion}; a version that is no number has reached none. */
    static boolean reached(String version, int schemaVersion) {
        try {
            return Integer.parseInt(version) >= schemaVersion;
        } catch (NumberFormatException none) {
            return false;
        }
    }

    /** The version from which the dialect's native store indexes a task id in task order. */
    static int taskOrderIndex(Dialect dialect) {
        return TASK_ORDER_INDEX.get(dialect);
    }

    /** The version {@link #migrate} brings a store of this dialect to. */
    static String newest(Dialect dialect) {
        List<String> scripts = scripts(dialect);
        String last = scripts.get(scripts.size() - 1);
        return last.substring(1, last.indexOf("__"));
    }

    /** Every SQL migration of the dialect, in order. */
    static List<String> scripts(Dialect dialect) {
        List<String> scripts = new ArrayList<>(SHARED_SCRIPTS);
        scripts.addAll(ONLY_SCRIPTS.get(dialect));
        return List.copyOf(scripts);
    }

    /**
     * Brings the schema to the newest version (creating it in an empty database) and returns
     * that version. Nothing is written when it is already current.
     *
     * @param schema the PostgreSQL schema, or null for the connection's default
     * @param target the version to stop at, or null for the newest (tests build old stores with it)
     */
    static String migrate(DataSource dataSource, Dialect dialect, String schema, String target) {
        var configuration = configure(dataSource, dialect, schema, ProgressMonitor.NONE);
        if (target != null) {
            configuration.target(MigrationVersion.fromVersion(target));
        }
        MigrateResult result = configuration.load().migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /**
     * Brings an older schema to the newest one version at a time, each in its own transaction, and
     * stops when {@code monitor} is cancelled: before the next version, between V3's chunks, or
     * inside a long statement, which SQLite's interrupt or PostgreSQL's cancel ends. What stopped rolls back; the
     * versions before it stay, each a valid schema.
     *
     * @throws CancelledException when cancelled; the schema history tells which version it stopped at
     */
    static void upgrade(DataSource dataSource, Dialect dialect, String schema, ProgressMonitor monitor) {
        List<MigrationVersion> pending = Arrays.stream(configure(dataSource, dialect, schema, monitor).load().info().pending())
                .map(MigrationInfo::getVersion).toList();
        try (InterruptedOnCancel connections = new InterruptedOnCancel(dataSource, dialect, monitor)) {
            for (MigrationVersion version : pending) {
                monitor.message("upgrading the schema to version " + version);
                monitor.checkCancelled();
                configure(connections, dialect, schema, monitor).target(version).load().migrate();
            }
        } catch (FlywayException failed) {
            if (monitor.isCancelled()) {
                // V3's own stop, or the interrupt of a statement, reached us as Flyway's failure
                throw (CancelledException) new CancelledException().initCause(failed);
            }
            throw failed;
        }
    }

    private static FluentConfiguration configure(DataSource dataSource, Dialect dialect, String schema, ProgressMonitor monitor) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.flywayLocation())
                .table(HISTORY_TABLE)
                .javaMigrations(new ExtractColumnsFromRecords(dialect, monitor))
                .createSchemas(false)
                .loggers("slf4j");
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema);
        }
        return configuration;
    }

    /** The newest schema made at once in a store with no table yet, as Flyway would make it; V3 has nothing to fill there. */
    static SchemaAtOnce atOnce(Dialect dialect) {
        return SchemaAtOnce.of(dialect, HISTORY_TABLE, dialect.flywayLocation().substring("classpath:".length()), scripts(dialect),
                List.of(new ExtractColumnsFromRecords(dialect, ProgressMonitor.NONE)));
    }

    /**
     * V3: fills the columns V2 added from each record, with the same code every write uses, in
     * key-ordered chunks so a million records need no more memory than a thousand.
     */
    static final class ExtractColumnsFromRecords implements JavaMigration {

        private static final int CHUNK = 1000;

        private final Dialect dialect;
        private final ProgressMonitor monitor;

        /** @param monitor asked between chunks whether to stop; the stop rolls the whole step back */
        ExtractColumnsFromRecords(Dialect dialect, ProgressMonitor monitor) {
            this.dialect = dialect;
            this.monitor = monitor;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion("3");
        }

        @Override
        public String getDescription() {
            return "extract columns from records";
        }

        @Override
        public Integer getChecksum() {
            return 3;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws SQLException {
            Connection connection = context.getConnection();
            List<String> columns = NativeLayout.columns();
            List<String> extracted = columns.subList(1, columns.size() - 1);
            String update = "UPDATE sessions SET " + String.join(" = ?, ", extracted) + " = ? WHERE session_key = ?";
            String after = "";
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT session_key, record FROM sessions WHERE session_key > ? ORDER BY session_key LIMIT " + CHUNK);
                 PreparedStatement write = connection.prepareStatement(update)) {
                while (true) {
                    monitor.checkCancelled();
                    List<String[]> rows = new ArrayList<>();
                    select.setString(1, after);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            rows.add(new String[] {result.getString(1), result.getString(2)});
                        }
                    }
                    if (rows.isEmpty()) {
                        if (dialect == Dialect.POSTGRESQL) {
                            // these updates are the upgrading job's own: the store's change mark after the job must count them
                            PostgresFingerprint.publishAtCommit(connection);
                        }
                        return;
                    }
                    for (String[] row : rows) {
                        Object[] values = NativeLayout.values(record(row[0], row[1]));
                        Object[] parameters = Arrays.copyOfRange(values, 1, values.length);
                        parameters[parameters.length - 1] = row[0];
                        for (int i = 0; i < parameters.length; i++) {
                            write.setObject(i + 1, parameters[i]);
                        }
                        write.addBatch();
                    }
                    write.executeBatch();
                    after = rows.get(rows.size() - 1)[0];
                }
            }
        }

        private static SessionRecord record(String key, String json) throws SQLException {
            try {
                return SessionRecord.ofParsed(JsonCodec.parseObject(json));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new SQLException("session '" + key + "' holds a record that is not a JSON object with a key: " + e.getMessage(), e);
            }
        }
    }
}
