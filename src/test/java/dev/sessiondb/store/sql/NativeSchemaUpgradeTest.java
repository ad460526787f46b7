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
import dev.sessiondb.store.StoreFormat;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
        SQLiteDataSource dataSource = sqliteAtVersion(file, "1");
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
        assertThat(versionOf(locator)).isEqualTo(newest(locator));
        assertThat(undo.out()).contains("Only the records were put back: the schema stays at version " + newest(locator)
                + " (a postgresql store's backup holds its records, not its tables).");
    }

    @Test
    void aVersionFourSqliteStoreSearchesAlikeAfterItsUpgradeAndItsSearchIndexFollowsItsRows() throws Exception {
        Path file = tempDir.resolve("v4.db");
        SQLiteDataSource dataSource = sqliteAtVersion(file, "4");
        StoreLocator locator = StoreLocator.parse("sqlite:" + file);

        assertSearchesAlikeAcrossTheUpgrade(locator, dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the index over external content must hold exactly what the view gives; rank 1 compares the two
            statement.execute("INSERT INTO sessions_search (sessions_search, rank) VALUES ('integrity-check', 1)");
        }
    }

    @ParameterizedTest(name = "V{0}")
    @ValueSource(strings = {"4", "5"})
    void anOlderPostgresStoreSearchesAlikeAfterItsUpgradeThroughBothHalvesOfItsSearchIndex(String olderVersion) throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator locator = postgres.freshSchema();
        PGSimpleDataSource dataSource = postgres.createdSchema(locator);
        assertThat(NativeSchema.migrate(dataSource, Dialect.POSTGRESQL, dataSource.getCurrentSchema(), olderVersion)).isEqualTo(olderVersion);

        assertSearchesAlikeAcrossTheUpgrade(locator, dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(planOfSearch(statement, olderVersion)).as("the older condition on V6's indexes").doesNotContain("sessions_search");
            assertThat(planOfSearch(statement, "6")).contains("sessions_search_key", "sessions_search_place");
            try (ResultSet statistics = statement.executeQuery("SELECT count(DISTINCT tablename) FROM pg_stats WHERE schemaname = current_schema()"
                    + " AND tablename IN ('sessions_search_key', 'sessions_search_place')")) {
                assertThat(statistics.next()).isTrue();
                assertThat(statistics.getInt(1)).as("the halves the planner has statistics of after the upgrade").isEqualTo(2);
            }
        }
    }

    /**
     * Branches of every kind (repeating the key, named on their own, missing), task ids the key
     * holds and one it does not, and a repository beyond ASCII, whose case folds as the database
     * folds it (PostgreSQL's columns compare as bytes from V5, its search text does not), are
     * searched the same on the older version and, after {@code sessiondb upgrade}, on the newest;
     * then a put that changes branches and a delete go through the newest schema, and search
     * still answers as the reference does.
     */
    private void assertSearchesAlikeAcrossTheUpgrade(StoreLocator locator, DataSource olderVersion) throws SQLException {
        List<SessionRecord> records = new ArrayList<>(fixture);
        records.set(0, records.get(0).with("branch", records.get(0).key()));
        records.set(1, records.get(1).with("branch", "feature/own-branch-name"));
        records.set(2, records.get(2).without("branch"));
        records.set(4, records.get(4).with("repoName", "équipe/ÉTÉ"));
        records.set(5, records.get(5).with("taskId", "mt#777"));
        OlderSchemaRows.insert(olderVersion, records);
        List<String> asciiWords = List.of("own-branch", "FEATURE/", records.get(0).key(), records.get(1).key(), "md#", "minsky", "MT#77", "#00",
                records.get(6).taskId().orElse("#"));
        List<String> words = new ArrayList<>(asciiWords);
        words.addAll(List.of("ÉQUIPE", "été"));
        Map<String, List<String>> beforeUpgrade = searched(locator, words);
        assertThat(beforeUpgrade.get("own-branch")).containsExactly(records.get(1).key());
        assertThat(beforeUpgrade.get("MT#77")).containsExactly(records.get(5).key());

        upgrade(locator);
        assertThat(versionOf(locator)).isEqualTo(newest(locator));
        assertThat(searched(locator, words)).isEqualTo(beforeUpgrade);

        List<SessionRecord> now = new ArrayList<>(records);
        now.set(0, records.get(0).with("branch", "renamed/own-branch-name"));
        now.set(1, records.get(1).with("branch", records.get(1).key()));
        now.remove(3);
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            store.put(now.get(0));
            store.put(now.get(1));
            store.delete(records.get(3).key());
        }
        Map<String, List<String>> afterChanges = searched(locator, words);
        for (String word : asciiWords) {
            SessionQuery query = SessionQuery.all().withSearch(word).page(0, 1000);
            assertThat(afterChanges.get(word)).as(word)
                    .isEqualTo(now.stream().filter(query::matches).sorted(query.comparator()).map(SessionRecord::key).toList());
        }
        assertThat(afterChanges.get("own-branch")).containsExactly(records.get(0).key());
    }

    private static Map<String, List<String>> searched(StoreLocator locator, List<String> words) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            for (String word : words) {
                keys.put(word, store.page(SessionQuery.all().withSearch(word).page(0, 1000)).records().stream().map(SessionRecord::key).toList());
            }
        }
        return keys;
    }

    /** The plan PostgreSQL makes for one schema version's search condition when it may not scan the table. */
    private static String planOfSearch(Statement statement, String version) throws SQLException {
        Layout.SqlCondition condition = new NativeLayout(Dialect.POSTGRESQL, "test", version).searchCondition("own-branch").orElseThrow();
        statement.execute("SET enable_seqscan = off");
        StringBuilder plan = new StringBuilder();
        String sql = "EXPLAIN SELECT s.session_key FROM sessions s WHERE " + condition.sql().replace("?", "'%own-branch%'");
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** A new SQLite file whose schema Flyway took to {@code version} and no further. */
    private static SQLiteDataSource sqliteAtVersion(Path file, String version) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        assertThat(NativeSchema.migrate(dataSource, Dialect.SQLITE, null, version)).isEqualTo(version);
        return dataSource;
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
        assertThat(list.out()).as(upgrade.out()).contains("upgrade " + locator.display());
        return upgrade;
    }

    private CliRun undo() {
        CliRun undo = CliRun.of("undo", "--backup-dir", tempDir.resolve("journal").toString());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        return undo;
    }

    private static String newest(StoreLocator locator) {
        return NativeSchema.newest(StoreFormat.SQLITE.equals(locator.format()) ? Dialect.SQLITE : Dialect.POSTGRESQL);
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
        assertThat(versionOf(locator)).isEqualTo(newest(locator));
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
