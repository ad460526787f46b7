package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** A native store made by schema version 1, with records in it, upgrades in place and keeps every record. */
class NativeSchemaUpgradeTest {

    @TempDir
    Path tempDir;

    private final List<SessionRecord> fixture = Fixtures.minskyRecords();

    @Test
    void aVersionOneSqliteStoreUpgradesInPlaceKeepingEveryRecord() throws SQLException {
        Path file = tempDir.resolve("v1.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        assertThat(NativeSchema.migrate(dataSource, Dialect.SQLITE, null, "1")).isEqualTo("1");
        insertVersionOneRows(dataSource);

        assertUpgradedAndComplete(StoreLocator.parse("sqlite:" + file));
    }

    @Test
    void aVersionOnePostgresStoreUpgradesInPlaceKeepingEveryRecord() throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator locator = postgres.freshSchema();
        String schema = locator.param("schema").orElseThrow();
        postgres.execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {postgres.host()});
        dataSource.setPortNumbers(new int[] {postgres.port()});
        dataSource.setDatabaseName(postgres.database());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setCurrentSchema(schema);
        assertThat(NativeSchema.migrate(dataSource, Dialect.POSTGRESQL, schema, "1")).isEqualTo("1");
        insertVersionOneRows(dataSource);

        assertUpgradedAndComplete(locator);
    }

    private void insertVersionOneRows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (session_key, record) VALUES (?, ?)")) {
            for (SessionRecord record : fixture) {
                insert.setString(1, record.key());
                insert.setString(2, JsonCodec.compact(record.fields()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void assertUpgradedAndComplete(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            assertThat(store.info().schemaVersion()).isEqualTo("3");
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT);
            for (SessionRecord expected : fixture) {
                assertThat(store.get(expected.key()).orElseThrow()).isEqualTo(expected);
            }
            SessionRecord sample = fixture.stream().filter(record -> record.taskId().isPresent()).findFirst().orElseThrow();
            SessionQuery byTask = SessionQuery.all().withFilters(List.of(new FieldFilter(SortKey.TASK_ID, sample.taskId().orElseThrow())));
            assertThat(store.page(byTask).records()).contains(sample);
            SessionQuery search = SessionQuery.all().withSearch(sample.repoName().orElseThrow().toUpperCase()).page(0, 1000);
            assertThat(store.page(search).totalMatching())
                    .isEqualTo(fixture.stream().filter(search::matches).count());
        }
    }
}
