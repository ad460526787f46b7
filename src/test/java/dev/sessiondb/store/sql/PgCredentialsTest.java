package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials come from the URL, then the PG* variables, then the password file, as with libpq. */
class PgCredentialsTest {

    @TempDir
    Path home;

    @Test
    void theUrlWinsOverTheEnvironment() {
        PgCredentials credentials = resolve("postgresql://alice:s%40cret@db.example:6543/minsky",
                Map.of("PGUSER", "bob", "PGPASSWORD", "other", "PGHOST", "elsewhere", "PGPORT", "1111", "PGDATABASE", "x"));

        assertThat(credentials).isEqualTo(new PgCredentials("db.example", 6543, "minsky", "alice", "s@cret"));
    }

    @Test
    void whatTheUrlLeavesOutComesFromThePgVariables() {
        PgCredentials credentials = resolve("postgresql:///", Map.of("PGUSER", "bob", "PGPASSWORD", "pw", "PGHOST", "pg.local", "PGPORT", "6000", "PGDATABASE", "sessions"));

        assertThat(credentials).isEqualTo(new PgCredentials("pg.local", 6000, "sessions", "bob", "pw"));
    }

    @Test
    void withoutAnyPasswordThePasswordFileIsRead() throws IOException {
        Files.writeString(home.resolve(".pgpass"), String.join("\n",
                "# comment",
                "other.host:5432:*:carol:not-this-one",
                "db.example:*:minsky:carol:pa\\:ss\\\\word",
                "*:*:*:*:fallback", ""));

        assertThat(resolve("postgresql://carol@db.example/minsky", Map.of()).password()).isEqualTo("pa:ss\\word");
        assertThat(resolve("postgresql://dave@db.example/minsky", Map.of()).password()).isEqualTo("fallback");
    }

    @Test
    void pgpassfileNamesAnotherPasswordFile() throws IOException {
        Path file = Files.writeString(home.resolve("custom-pgpass"), "*:*:*:erin:from-custom-file\n");

        assertThat(resolve("postgresql://erin@h/db", Map.of("PGPASSFILE", file.toString())).password()).isEqualTo("from-custom-file");
    }

    @Test
    void thePasswordNeverShowsInTheTextOfTheCredentials() {
        assertThat(resolve("postgresql://alice:topsecret@h/db", Map.of()).toString()).doesNotContain("topsecret");
    }

    @Test
    void aPasswordFromThePasswordFileOpensARealStore() throws IOException {
        TestPostgres postgres = TestPostgres.get();
        Files.writeString(home.resolve(".pgpass"), "*:" + postgres.port() + ":" + postgres.database() + ":"
                + TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "\n");
        StoreLocator locator = StoreLocator.parse("postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database() + "?schema=" + postgres.freshSchema().param("schema").orElseThrow());

        try (SessionStore store = SqlStores.openPostgres(locator, OpenMode.CREATE_IF_MISSING, Map.of(), home)) {
            assertThat(store.page(SessionQuery.all()).records()).isEmpty();
        }
    }

    @Test
    void aPasswordFromPgpasswordOpensARealStore() {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator locator = StoreLocator.parse("postgresql://" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database() + "?schema=" + postgres.freshSchema().param("schema").orElseThrow());
        Map<String, String> env = Map.of("PGUSER", TestPostgres.PASSWORD_USER, "PGPASSWORD", TestPostgres.PASSWORD);

        try (SessionStore store = SqlStores.openPostgres(locator, OpenMode.CREATE_IF_MISSING, env, home)) {
            assertThat(store.count()).isZero();
        }
    }

    private PgCredentials resolve(String url, Map<String, String> env) {
        return PgCredentials.resolve(StoreLocator.parse(url), env, home);
    }
}
