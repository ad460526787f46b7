package dev.sessiondb.store.sql;

import static dev.sessiondb.store.sql.SearchIndexCheck.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index built on a second connection into a side file, then copied over the store's. */
class SqliteSearchAsideTest {

    private static final int RECORDS = 3_000;

    @TempDir
    Path tempDir;

    @Test
    void theCopiedIndexIsTheStoresOwnAndItsSideFileIsOwnerOnlyUntilClosed() throws Exception {
        Path file = storeWithEmptySearchIndex();

        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(SqliteSearchAside.fits(writer)).as("the newest schema's search table").isTrue();
            SqliteSearchAside aside = SqliteSearchAside.start(file);
            writer.setAutoCommit(false);
            aside.copyInto(writer);
            writer.commit();
            writer.setAutoCommit(true);
            assertThat(sideFiles()).singleElement()
                    .satisfies(side -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(side))).isEqualTo("rw-------"));
            aside.detachFrom(writer);
            aside.close();
            try (Statement statement = writer.createStatement()) {
                SearchIndexCheck.assertIndexMatchesItsRows(statement, List.of("minsky"));
                assertThat(count(statement, "SELECT count(*) FROM sessions_search WHERE text LIKE '%minsky%'")).isPositive();
                assertThat(count(statement, "SELECT count(*) FROM pragma_database_list")).as("the side file detached").isEqualTo(1);
                try (ResultSet settings = statement.executeQuery("SELECT group_concat(k) FROM sessions_search_config")) {
                    settings.next();
                    assertThat(settings.getString(1)).as("the store's index settings, as its own rebuild leaves them: the side build's are its own")
                            .isEqualTo("version");
                }
            }
        }
        assertThat(sideFiles()).isEmpty();
    }

    @Test
    void aSideBuildThatFailedIsReportedWhenTheIndexIsCopiedAndLeavesNoFile() throws Exception {
        Path file = storeWithEmptySearchIndex();
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = writer.createStatement()) {
            // the rows it reads are gone: as if the staged file were not what the rebuild expects
            statement.execute("DROP VIEW sessions_search_text");
            SqliteSearchAside aside = SqliteSearchAside.start(file);
            assertThatThrownBy(() -> aside.copyInto(writer)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("building the search index beside the store failed").hasMessageContaining("sessions_search_text");
            aside.close();
        }
        assertThat(sideFiles()).isEmpty();
    }

    @Test
    void closedBeforeItsIndexIsCopiedTheSideBuildStopsAndLeavesNoFile() throws Exception {
        Path file = storeWithEmptySearchIndex();
        SqliteSearchAside aside = SqliteSearchAside.start(file);
        aside.close();

        assertThat(sideFiles()).isEmpty();
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = reader.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM sessions_search_docsize")).as("the store's index untouched").isZero();
        }
    }

    /** A store of the newest schema whose search index was emptied, as a large write leaves it before its rebuild. */
    private Path storeWithEmptySearchIndex() throws SQLException {
        Path file = tempDir.resolve("store.db");
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(RECORDS, 5), RECORDS), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sessions_search (sessions_search) VALUES ('delete-all')");
            assertThat(count(statement, "SELECT count(*) FROM sessions_search_docsize")).isZero();
        }
        return file;
    }

    /** The temp files beside the store, where the side build keeps its index. */
    private List<Path> sideFiles() throws IOException {
        try (Stream<Path> files = Files.list(tempDir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
