package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StagedStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A staged store commits its rows first and builds its indexes after, while the rows are read;
 * a PostgreSQL index build cut short (a killed job) leaves a readable store that the next write completes.
 */
class DeferredRebuildTest {

    private static final int LARGE = 12_000;

    @TempDir
    Path tempDir;

    static Stream<Arguments> nativeStores() {
        return Stream.of(
                Arguments.of("sqlite", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("store.db"))),
                Arguments.of("postgresql", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeStores")
    void aStagedStoreIsReadWhileItsIndexesAreBuiltAndEndsWithEveryIndex(String name, Function<Path, StoreLocator> locators) throws Exception {
        StoreLocator locator = locators.apply(tempDir);
        List<String> expected = indexesOfAStoreWrittenInOneGo(name, locators.apply(tempDir.resolve("reference")));
        AtomicLong readAlongside = new AtomicLong();
        try (StagedStore staged = StoreProviders.of(locator).stage(locator)) {
            staged.store().write(WriteBatch.replaceAll(SampleSessions.minsky(LARGE, 5), LARGE), ProgressMonitor.NONE);
            staged.commit(rows -> readAlongside.set(rows.count()));
        }

        assertThat(readAlongside).hasValue(LARGE);
        assertThat(indexes(name, locator)).isEqualTo(expected).isNotEmpty();
        assertThat(tables(name, locator)).doesNotContain(PendingRebuild.TABLE);
        if (name.equals("postgresql")) {
            assertThat(statistics(locator)).as("the planner's statistics of the rows, of both halves of the search text and of the task number")
                    .containsExactly("sessions", "sessions_search_key", "sessions_search_place", "sessions_task_order");
        }
    }

    @Test
    void aStagedSqliteFileGetsItsSearchIndexBuiltAsideAsItsOwnRebuildWouldMakeItAndNoSideFileStays() throws Exception {
        StoreLocator locator = StoreLocator.parse("sqlite:" + tempDir.resolve("store.db"));
        try (StagedStore staged = StoreProviders.of(locator).stage(locator)) {
            staged.store().write(WriteBatch.replaceAll(SampleSessions.minsky(LARGE, 5), LARGE), ProgressMonitor.NONE);
            staged.commit(rows -> rows.count());
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + locator.path()); Statement statement = connection.createStatement()) {
            SearchIndexCheck.assertIndexMatchesItsRows(statement, List.of("minsky", SampleSessions.minskyRecord(4321, 5).key(), "zzz-nowhere"));
        }
        try (Stream<Path> left = Files.list(tempDir)) {
            assertThat(left.map(path -> path.getFileName().toString())).allMatch(file -> file.startsWith("store.db"));
        }
    }

    /** PostgreSQL only: a staged SQLite file is renamed into place after its rebuild, so a killed job leaves nothing in sight. */
    @Test
    void aPostgresIndexBuildCutShortLeavesAReadableStoreThatTheNextWriteCompletes() throws Exception {
        String name = "postgresql";
        StoreLocator locator = TestPostgres.get().freshSchema();
        List<String> expected = indexesOfAStoreWrittenInOneGo(name, TestPostgres.get().freshSchema());
        // a staged store's rows commit on their own; closing it then is the job killed before its indexes were built
        try (SessionStore staged = StoreFactory.open(locator, OpenMode.STAGED)) {
            staged.write(WriteBatch.replaceAll(SampleSessions.minsky(LARGE, 5), LARGE), ProgressMonitor.NONE);
        }
        assertThat(tables(name, locator)).contains(PendingRebuild.TABLE);
        assertThat(indexes(name, locator)).isNotEqualTo(expected);

        String someKey = SampleSessions.minskyRecord(4321, 5).key();
        try (SessionStore reader = StoreFactory.open(locator, OpenMode.EXISTING)) {
            assertThat(reader.count()).isEqualTo(LARGE);
            assertThat(reader.page(SessionQuery.all().withSearch(someKey)).totalMatching()).isEqualTo(1);
        }
        assertThat(tables(name, locator)).as("reads leave the store as it is").contains(PendingRebuild.TABLE);

        try (SessionStore writer = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            writer.put(SampleSessions.minskyRecord(LARGE, 6));
            assertThat(writer.page(SessionQuery.all().withSearch(someKey)).totalMatching()).isEqualTo(1);
        }
        assertThat(indexes(name, locator)).isEqualTo(expected);
        assertThat(tables(name, locator)).doesNotContain(PendingRebuild.TABLE);
        assertThat(statistics(locator)).containsExactly("sessions", "sessions_search_key", "sessions_search_place", "sessions_task_order");
    }

    private static List<String> indexesOfAStoreWrittenInOneGo(String name, StoreLocator reference) throws SQLException {
        try (SessionStore store = StoreFactory.open(reference, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(LARGE, 5), LARGE), ProgressMonitor.NONE);
        }
        return indexes(name, reference);
    }

    /** The sessions table's indexes and triggers, by name. */
    private static List<String> indexes(String name, StoreLocator locator) throws SQLException {
        return name.equals("sqlite")
                ? names(locator, "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'sessions' AND sql IS NOT NULL ORDER BY name")
                : names(locator, "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'sessions' ORDER BY indexname");
    }

    /** The tables and expression indexes of a PostgreSQL store that the planner has statistics of. */
    private static List<String> statistics(StoreLocator locator) throws SQLException {
        return names(locator, "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = ? ORDER BY tablename");
    }

    private static List<String> tables(String name, StoreLocator locator) throws SQLException {
        return name.equals("sqlite") ? names(locator, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                : names(locator, "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename");
    }

    private static List<String> names(StoreLocator locator, String sql) throws SQLException {
        boolean sqlite = locator.format().equals(StoreProviders.format("sqlite"));
        try (Connection connection = sqlite ? DriverManager.getConnection("jdbc:sqlite:" + locator.path()) : TestPostgres.get().adminConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (!sqlite) {
                statement.setString(1, locator.param("schema").orElseThrow());
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }
}
