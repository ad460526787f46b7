package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A native store made by schema version 1: reading it ({@code info}, pages, search) leaves it
 * exactly as it is and says it is older; {@code sessiondb upgrade} upgrades it in place after a
 * backup, keeping every record; {@code sessiondb undo} puts the backup back.
 */
class NativeSchemaUpgradeTest {

    @TempDir
    Path tempDir;

    private final List<SessionRecord> fixture = Fixtures.minskyRecords();

    @Test
    void aVersionOneSqliteStoreIsReadAsItIsUpgradedOnRequestAndUndone() throws Exception {
        Path file = tempDir.resolve("v1.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        assertThat(NativeSchema.migrate(dataSource, Dialect.SQLITE, null, "1")).isEqualTo("1");
        insertVersionOneRows(dataSource);
        StoreLocator locator = StoreLocator.parse("sqlite:" + file);
        String bytesBefore = sha256(file);

        assertReadAsVersionOne(locator);
        assertThat(sha256(file)).as("info and reads leave the file's bytes identical").isEqualTo(bytesBefore);
        assertThat(Path.of(file + "-wal")).doesNotExist();

        upgrade(locator);
        assertUpgradedAndComplete(locator);

        CliRun undo = undo();
        assertThat(versionOf(locator)).isEqualTo("1");
        assertThat(undo.out()).doesNotContain("Only the records");
        assertHoldsTheFixture(locator);
    }

    @Test
    void aVersionOnePostgresStoreIsReadAsItIsUpgradedOnRequestAndUndone() throws SQLException, JsonProcessingException {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator locator = postgres.freshSchema();
        PGSimpleDataSource dataSource = postgres.createdSchema(locator);
        assertThat(NativeSchema.migrate(dataSource, Dialect.POSTGRESQL, dataSource.getCurrentSchema(), "1")).isEqualTo("1");
        insertVersionOneRows(dataSource);
        String catalogBefore = schemaObjects(dataSource);

        assertReadAsVersionOne(locator);
        assertThat(schemaObjects(dataSource)).as("info and reads add no table, column or history row").isEqualTo(catalogBefore);

        assertThat(upgrade(locator).out()).contains("puts the records back and leaves the schema upgraded");
        assertUpgradedAndComplete(locator);

        CliRun undo = undo();
        // a server store's backup is its records: undo puts every record back into the upgraded schema, and says so
        assertHoldsTheFixture(locator);
        assertThat(versionOf(locator)).isEqualTo(NativeSchema.NEWEST);
        assertThat(undo.out()).contains("Only the records were put back: the schema stays at version " + NativeSchema.NEWEST
                + " (a postgresql store's backup holds its records, not its tables).");
    }

    private void assertReadAsVersionOne(StoreLocator locator) throws JsonProcessingException {
        CliRun info = CliRun.of("info", locator.display(), "--format", "json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(JsonCodec.parse(info.out()).path("schemaVersion").asText()).isEqualTo("1");
        assertThat(info.out()).contains("sessiondb upgrade");
        assertAnswersQueries(locator);
    }

    private CliRun upgrade(StoreLocator locator) {
        CliRun upgrade = CliRun.of("upgrade", locator.display(), "--backup-dir", tempDir.resolve("journal").toString());
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        CliRun list = CliRun.of("undo", "--list", "--backup-dir", tempDir.resolve("journal").toString());
        assertThat(list.out()).contains("upgrade " + locator.display());
        return upgrade;
    }

    private CliRun undo() {
        CliRun undo = CliRun.of("undo", "--backup-dir", tempDir.resolve("journal").toString());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        return undo;
    }

    private static String versionOf(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return store.info().schemaVersion();
        }
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
        assertThat(versionOf(locator)).isEqualTo(NativeSchema.NEWEST);
        assertHoldsTheFixture(locator);
    }

    private void assertHoldsTheFixture(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT);
            for (SessionRecord expected : fixture) {
                assertThat(store.get(expected.key()).orElseThrow()).isEqualTo(expected);
            }
        }
        assertAnswersQueries(locator);
    }

    /** Filters and search answer the same on either schema version: from SQL columns, or from the records. */
    private void assertAnswersQueries(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            SessionRecord sample = fixture.stream().filter(record -> record.taskId().isPresent()).findFirst().orElseThrow();
            SessionQuery byTask = SessionQuery.all().withFilters(List.of(new FieldFilter(SortKey.TASK_ID, sample.taskId().orElseThrow())));
            assertThat(store.page(byTask).records()).contains(sample);
            SessionQuery search = SessionQuery.all().withSearch(sample.repoName().orElseThrow().toUpperCase()).page(0, 1000);
            assertThat(store.page(search).totalMatching())
                    .isEqualTo(fixture.stream().filter(search::matches).count());
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Tables, columns and schema history rows of the store's schema, as one comparable text. */
    private static String schemaObjects(DataSource dataSource) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() ORDER BY 1, 2")) {
                while (rows.next()) {
                    text.append(rows.getString(1)).append('.').append(rows.getString(2)).append('\n');
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT installed_rank, version FROM " + NativeSchema.HISTORY_TABLE + " ORDER BY 1")) {
                while (rows.next()) {
                    text.append(rows.getInt(1)).append(':').append(rows.getString(2)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
