package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line naming the store, the cause and what to do, and leaves the input as it was. */
class SqlBadInputTest {

    @TempDir
    Path tempDir;

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUnchanged() throws IOException {
        Path file = Files.writeString(tempDir.resolve("notes.db"), "just some text, not a database\n");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StoreFactory.open("sqlite:" + file, OpenMode.CREATE_IF_MISSING))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("sqlite:" + file + ": not a SQLite database")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aSqliteFileWithoutASessionsTableIsNotASessionStore() throws SQLException, IOException {
        Path file = tempDir.resolve("other.db");
        ForeignSqliteFiles.execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)", "INSERT INTO invoices VALUES (1, 9.5)");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StoreFactory.open("sqlite:" + file, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no sessions table");
        assertThatThrownBy(() -> StoreFactory.open("sqlite:" + file, OpenMode.CREATE_IF_MISSING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("holds other tables but no sessions table");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(tempDir.resolve("other.db-wal")).doesNotExist();
    }

    @Test
    void aMissingSqliteFileIsNotCreatedWhenOnlyReading() {
        Path file = tempDir.resolve("missing.db");

        assertThatThrownBy(() -> StoreFactory.open("sqlite:" + file, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessage("sqlite:" + file + ": no such file; check the path, or create the store first");

        assertThat(file).doesNotExist();
    }

    @Test
    void aSessionsTableOfUnknownShapeIsNamedWithItsColumns() throws SQLException {
        Path file = tempDir.resolve("odd.db");
        ForeignSqliteFiles.execute(file, "CREATE TABLE sessions (token TEXT, expires INTEGER)");

        assertThatThrownBy(() -> StoreFactory.open("sqlite:" + file, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("[token, expires]")
                .hasMessageContaining("match no known layout");
    }

    @Test
    void anUnreachablePostgresIsNamedWithHostAndPortAndNoPassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://someone:hunter2@127.0.0.1:" + closedPort + "/sessions";

        assertThatThrownBy(() -> StoreFactory.open(url, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("postgresql://someone:****@127.0.0.1:" + closedPort + "/sessions: cannot reach PostgreSQL at 127.0.0.1:" + closedPort)
                .hasMessageContaining("check that the server runs")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void aRefusedPasswordSaysSoWithoutShowingIt() {
        TestPostgres postgres = TestPostgres.get();
        String url = "postgresql://" + TestPostgres.PASSWORD_USER + ":wrong-secret@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();

        assertThatThrownBy(() -> StoreFactory.open(url, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("password refused for user " + TestPostgres.PASSWORD_USER)
                .hasMessageContaining("PGPASSWORD or ~/.pgpass")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("wrong-secret"));
    }

    @Test
    void aMissingSchemaIsNamedAndNotCreatedWhenOnlyReading() throws SQLException {
        StoreLocator locator = TestPostgres.get().freshSchema();
        String schema = locator.param("schema").orElseThrow();

        assertThatThrownBy(() -> StoreFactory.open(locator, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema '" + schema + "' does not exist")
                .hasMessageContaining("check ?schema=");

        try (var connection = TestPostgres.get().adminConnection();
             var rows = connection.createStatement().executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aUserWhoMayNotCreateTheSchemaIsToldWhatToAskFor() {
        TestPostgres postgres = TestPostgres.get();
        postgres.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sessiondb_reader') THEN "
                + "CREATE ROLE sessiondb_reader LOGIN PASSWORD 'reader-pw'; END IF; END $$");
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        String url = "postgresql://sessiondb_reader:reader-pw@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=" + schema;

        assertThatThrownBy(() -> StoreFactory.open(url, OpenMode.CREATE_IF_MISSING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("user sessiondb_reader may not create schema '" + schema + "'")
                .hasMessageContaining("ask for CREATE on the database")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("reader-pw"));
    }

    @Test
    void aPostgresDatabaseWithoutSessionsIsNotASessionStore() {
        StoreLocator locator = TestPostgres.get().freshSchema();
        TestPostgres.get().execute("CREATE SCHEMA " + locator.param("schema").orElseThrow());

        assertThatThrownBy(() -> StoreFactory.open(locator, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no sessions table");
    }
}
