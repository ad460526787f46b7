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
 * A new native store made at once ({@link SchemaAtOnce}) is the store Flyway makes: the same
 * tables, columns, indexes, triggers and views, and the same schema history (versions,
 * descriptions, scripts, checksums), so a later Flyway run finds every migration applied and
 * valid. Checked on real SQLite files and a real PostgreSQL, and through the store's own opening.
 */
class SchemaAtOnceTest {

    @TempDir
    Path tempDir;

    @Test
    void aNewSqliteFileMadeAtOnceIsTheOneFlywayMakesAndFlywayFindsItCurrent() throws SQLException {
        DataSource byFlyway = sqlite("flyway.db");
        DataSource atOnce = sqlite("at-once.db");

        assertThat(NativeSchema.migrate(byFlyway, Dialect.SQLITE, null, null)).isEqualTo(NativeSchema.newest(Dialect.SQLITE));
        NativeSchema.atOnce(Dialect.SQLITE).create(atOnce);

        String flywayCatalog = SchemaDump.sqlite(byFlyway, NativeSchema.HISTORY_TABLE);
        assertThat(flywayCatalog).contains("sessions_search_insert", "sessions_search_text", "V5__leaner_indexes.sql");
        assertThat(SchemaDump.sqlite(atOnce, NativeSchema.HISTORY_TABLE)).isEqualTo(flywayCatalog);
        // Flyway validates every applied checksum before it would migrate: a wrong one throws
        assertThat(NativeSchema.migrate(atOnce, Dialect.SQLITE, null, null)).isEqualTo(NativeSchema.newest(Dialect.SQLITE));
        assertThat(SchemaDump.sqlite(atOnce, NativeSchema.HISTORY_TABLE)).as("Flyway had nothing to add").isEqualTo(flywayCatalog);
    }

    @Test
    void aNewPostgresSchemaMadeAtOnceIsTheOneFlywayMakesAndFlywayFindsItCurrent() throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        PGSimpleDataSource byFlyway = postgres.createdSchema(postgres.freshSchema());
        PGSimpleDataSource atOnce = postgres.createdSchema(postgres.freshSchema());

        assertThat(NativeSchema.migrate(byFlyway, Dialect.POSTGRESQL, byFlyway.getCurrentSchema(), null)).isEqualTo(NativeSchema.newest(Dialect.POSTGRESQL));
        NativeSchema.atOnce(Dialect.POSTGRESQL).create(atOnce);

        String flywayCatalog = SchemaDump.postgres(byFlyway, NativeSchema.HISTORY_TABLE);
        assertThat(flywayCatalog).contains("sessions_search_key", "sessions_search_place", "gin_trgm_ops", "sessions_repo_name",
                "V6__leaner_search_text.sql").doesNotContain("sessions_key_binary", "sessions_search ");
        assertThat(SchemaDump.postgres(atOnce, NativeSchema.HISTORY_TABLE)).isEqualTo(flywayCatalog);
        assertThat(NativeSchema.migrate(atOnce, Dialect.POSTGRESQL, atOnce.getCurrentSchema(), null)).isEqualTo(NativeSchema.newest(Dialect.POSTGRESQL));
        assertThat(SchemaDump.postgres(atOnce, NativeSchema.HISTORY_TABLE)).as("Flyway had nothing to add").isEqualTo(flywayCatalog);
    }

    @Test
    void openingANewStoreMakesItAtOnceAndAnInterruptedFlywayCreationIsLeftToFlyway() throws SQLException {
        DataSource reference = sqlite("reference.db");
        NativeSchema.migrate(reference, Dialect.SQLITE, null, null);
        Path created = tempDir.resolve("created.db");
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + created), OpenMode.CREATE_IF_MISSING)) {
            assertThat(store.info().schemaVersion()).isEqualTo(NativeSchema.newest(Dialect.SQLITE));
        }
        assertThat(SchemaDump.sqlite(sqlite("created.db"), NativeSchema.HISTORY_TABLE)).isEqualTo(SchemaDump.sqlite(reference, NativeSchema.HISTORY_TABLE));

        // a creation Flyway began and did not finish (its history table, empty, and no sessions table yet) is finished by Flyway
        DataSource interrupted = sqlite("interrupted.db");
        NativeSchema.migrate(interrupted, Dialect.SQLITE, null, "1");
        try (Connection connection = interrupted.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE sessions");
            statement.execute("DELETE FROM " + NativeSchema.HISTORY_TABLE);
        }
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + tempDir.resolve("interrupted.db")), OpenMode.CREATE_IF_MISSING)) {
            assertThat(store.info().schemaVersion()).isEqualTo(NativeSchema.newest(Dialect.SQLITE));
        }
        assertThat(SchemaDump.sqlite(interrupted, NativeSchema.HISTORY_TABLE)).isEqualTo(SchemaDump.sqlite(reference, NativeSchema.HISTORY_TABLE));
    }

    @Test
    void theScriptsMadeAtOnceAreEveryMigrationOfEachDialect() throws IOException, URISyntaxException {
        for (Dialect dialect : Dialect.values()) {
            Path folder = Path.of(getClass().getResource("/" + dialect.flywayLocation().substring("classpath:".length())).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).as(dialect.name())
                        .isEqualTo(NativeSchema.scripts(dialect));
            }
            List<String> versions = dialect == Dialect.POSTGRESQL ? List.of("1", "2", "3", "4", "5", "6", "7") : List.of("1", "2", "3", "4", "5", "6");
            assertThat(NativeSchema.atOnce(dialect).history()).extracting(SchemaAtOnce.HistoryRow::version).as(dialect.name())
                    .isEqualTo(versions);
            assertThat(NativeSchema.newest(dialect)).isEqualTo(versions.get(versions.size() - 1));
        }
    }

    @Test
    void theChecksumIsFlywaysCrcOfTheLinesWhateverTheirBreaks() {
        assertThat(SchemaAtOnce.checksum("a\r\nb\n")).isEqualTo(SchemaAtOnce.checksum("a\nb"));
        assertThat(SchemaAtOnce.checksum("a\nb")).isNotEqualTo(SchemaAtOnce.checksum("a\nc"));
    }

    private DataSource sqlite(String name) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + tempDir.resolve(name));
        return dataSource;
    }
}
