package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A new native store made at once ({@link NewStoreSchema}) is the store Flyway makes: the same
 * tables, columns, indexes, triggers and views, and the same schema history (versions,
 * descriptions, scripts, checksums), so a later Flyway run finds every migration applied and
 * valid. Checked on real SQLite files and a real PostgreSQL, and through the store's own opening.
 */
class NewStoreSchemaTest {

    /** What a history row says, less when and how fast it was applied. */
    private static final String HISTORY = "SELECT installed_rank, version, description, type, script, checksum, installed_by, success FROM "
            + NativeSchema.HISTORY_TABLE + " ORDER BY installed_rank";

    @TempDir
    Path tempDir;

    @Test
    void aNewSqliteFileMadeAtOnceIsTheOneFlywayMakesAndFlywayFindsItCurrent() throws SQLException {
        DataSource byFlyway = sqlite("flyway.db");
        DataSource atOnce = sqlite("at-once.db");

        assertThat(NativeSchema.migrate(byFlyway, Dialect.SQLITE, null, null)).isEqualTo(NativeSchema.NEWEST);
        assertThat(NewStoreSchema.create(atOnce, Dialect.SQLITE)).isEqualTo(NativeSchema.NEWEST);

        String flywayCatalog = sqliteCatalog(byFlyway);
        assertThat(flywayCatalog).contains("sessions_search_insert", "sessions_search_text", "V4__one_search_column.sql");
        assertThat(sqliteCatalog(atOnce)).isEqualTo(flywayCatalog);
        // Flyway validates every applied checksum before it would migrate: a wrong one throws
        assertThat(NativeSchema.migrate(atOnce, Dialect.SQLITE, null, null)).isEqualTo(NativeSchema.NEWEST);
        assertThat(sqliteCatalog(atOnce)).as("Flyway had nothing to add").isEqualTo(flywayCatalog);
    }

    @Test
    void aNewPostgresSchemaMadeAtOnceIsTheOneFlywayMakesAndFlywayFindsItCurrent() throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        PGSimpleDataSource byFlyway = postgres.createdSchema(postgres.freshSchema());
        PGSimpleDataSource atOnce = postgres.createdSchema(postgres.freshSchema());

        assertThat(NativeSchema.migrate(byFlyway, Dialect.POSTGRESQL, byFlyway.getCurrentSchema(), null)).isEqualTo(NativeSchema.NEWEST);
        assertThat(NewStoreSchema.create(atOnce, Dialect.POSTGRESQL)).isEqualTo(NativeSchema.NEWEST);

        String flywayCatalog = postgresCatalog(byFlyway);
        assertThat(flywayCatalog).contains("sessions_search", "gin_trgm_ops", "sessions_key_binary", "V2__extracted_columns_and_search.sql");
        assertThat(postgresCatalog(atOnce)).isEqualTo(flywayCatalog);
        assertThat(NativeSchema.migrate(atOnce, Dialect.POSTGRESQL, atOnce.getCurrentSchema(), null)).isEqualTo(NativeSchema.NEWEST);
        assertThat(postgresCatalog(atOnce)).as("Flyway had nothing to add").isEqualTo(flywayCatalog);
    }

    @Test
    void openingANewStoreMakesItAtOnceAndAnInterruptedFlywayCreationIsLeftToFlyway() throws SQLException {
        DataSource reference = sqlite("reference.db");
        NativeSchema.migrate(reference, Dialect.SQLITE, null, null);
        Path created = tempDir.resolve("created.db");
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + created), OpenMode.CREATE_IF_MISSING)) {
            assertThat(store.info().schemaVersion()).isEqualTo(NativeSchema.NEWEST);
        }
        assertThat(sqliteCatalog(sqlite("created.db"))).isEqualTo(sqliteCatalog(reference));

        // a creation Flyway began and did not finish (its history table, empty, and no sessions table yet) is finished by Flyway
        DataSource interrupted = sqlite("interrupted.db");
        NativeSchema.migrate(interrupted, Dialect.SQLITE, null, "1");
        try (Connection connection = interrupted.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE sessions");
            statement.execute("DELETE FROM " + NativeSchema.HISTORY_TABLE);
        }
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + tempDir.resolve("interrupted.db")), OpenMode.CREATE_IF_MISSING)) {
            assertThat(store.info().schemaVersion()).isEqualTo(NativeSchema.NEWEST);
        }
        assertThat(sqliteCatalog(interrupted)).isEqualTo(sqliteCatalog(reference));
    }

    @Test
    void theScriptsMadeAtOnceAreEveryMigrationOfBothDialects() throws IOException, URISyntaxException {
        for (Dialect dialect : Dialect.values()) {
            Path folder = Path.of(getClass().getResource("/" + dialect.flywayLocation().substring("classpath:".length())).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).as(dialect.name())
                        .isEqualTo(NewStoreSchema.SCRIPTS);
            }
            assertThat(NewStoreSchema.history(dialect)).extracting(NewStoreSchema.HistoryRow::version).as(dialect.name())
                    .containsExactly("1", "2", "3", NativeSchema.NEWEST);
        }
    }

    @Test
    void theChecksumIsFlywaysCrcOfTheLinesWhateverTheirBreaks() {
        assertThat(NewStoreSchema.checksum("a\r\nb\n")).isEqualTo(NewStoreSchema.checksum("a\nb"));
        assertThat(NewStoreSchema.checksum("a\nb")).isNotEqualTo(NewStoreSchema.checksum("a\nc"));
    }

    private DataSource sqlite(String name) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + tempDir.resolve(name));
        return dataSource;
    }

    private static String sqliteCatalog(DataSource dataSource) throws SQLException {
        return rows(dataSource, List.of("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name", HISTORY));
    }

    /** Columns, constraints and indexes of the store's schema, its name left out, and the history. */
    private static String postgresCatalog(DataSource dataSource) throws SQLException {
        return rows(dataSource, List.of(
                "SELECT table_name, ordinal_position, column_name, data_type, character_maximum_length, is_nullable, column_default"
                        + " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2",
                "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                        + " WHERE n.nspname = current_schema() ORDER BY 1",
                "SELECT indexname, replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1",
                HISTORY));
    }

    private static String rows(DataSource dataSource, List<String> queries) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(rows.getString(column)).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
