package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void userAndPasswordMayBeTheUrlsParametersAsLibpqTakesThem() {
        PgCredentials credentials = resolve("postgresql://db.example:6543/minsky?user=alice&password=s3cret", Map.of("PGPASSWORD", "other"));

        assertThat(credentials).isEqualTo(new PgCredentials("db.example", 6543, "minsky", "alice", "s3cret"));
    }

    @Test
    void whatTheUrlLeavesOutComesFromThePgVariables() {
        PgCredentials credentials = resolve("postgresql:///", Map.of("PGUSER", "bob", "PGPASSWORD", "pw", "PGHOST", "pg.local", "PGPORT", "6000", "PGDATABASE", "sessions"));

        assertThat(credentials).isEqualTo(new PgCredentials("pg.local", 6000, "sessions", "bob", "pw"));
    }

    @Test
    void withoutAnyPasswordThePasswordFileIsRead() throws IOException {
        writePasswordFile(home.resolve(".pgpass"), String.join("\n",
                "# comment",
                "other.host:5432:*:carol:not-this-one",
                "db.example:*:minsky:carol:pa\\:ss\\\\word",
                "*:*:*:*:fallback", ""));

        assertThat(resolve("postgresql://carol@db.example/minsky", Map.of()).password()).isEqualTo("pa:ss\\word");
        assertThat(resolve("postgresql://dave@db.example/minsky", Map.of()).password()).isEqualTo("fallback");
    }

    @Test
    void pgpassfileNamesAnotherPasswordFile() throws IOException {
        Path file = writePasswordFile(home.resolve("custom-pgpass"), "*:*:*:erin:from-custom-file\n");
        writePasswordFile(home.resolve(".pgpass"), "*:*:*:erin:not-the-named-file\n");

        assertThat(resolve("postgresql://erin@h/db", Map.of("PGPASSFILE", file.toString())).password()).isEqualTo("from-custom-file");
    }

    @Test
    void thePasswordNeverShowsInTheTextOfTheCredentials() {
        assertThat(resolve("postgresql://alice:topsecret@h/db", Map.of()).toString()).doesNotContain("topsecret");
    }

    @Test
    void aPasswordFromThePasswordFileOpensARealStore() throws IOException {
        TestPostgres postgres = TestPostgres.get();
        writePasswordFile(home.resolve(".pgpass"), "*:" + postgres.port() + ":" + postgres.database() + ":"
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

    @Test
    void anIpv6HostIsWrittenInBracketsInTheUrlAndEscapedInThePasswordFile() throws IOException {
        writePasswordFile(home.resolve(".pgpass"), "\\:\\:1:5433:db:ana:v6-secret\n");

        PgCredentials credentials = resolve("postgresql://ana@[::1]:5433/db", Map.of());

        assertThat(credentials).isEqualTo(new PgCredentials("::1", 5433, "db", "ana", "v6-secret"));
        assertThat(credentials.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(resolve("postgresql://ana@[::1]/db", Map.of()).port()).isEqualTo(5432);
        assertThat(resolve("postgresql:///db", Map.of("PGHOST", "::1", "PGPORT", "5433", "PGUSER", "ana")).password()).isEqualTo("v6-secret");
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnoredAsLibpqDoes() throws IOException {
        Path file = writePasswordFile(home.resolve(".pgpass"), "*:*:*:*:too-open\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PgCredentials credentials = resolve("postgresql://ana@h/db", Map.of());

        assertThat(credentials.password()).isNull();
        assertThat(credentials.passwordFileIgnored()).isEqualTo("password file " + file + " has group or world access and is ignored;"
                + " permissions should be u=rw (0600) or less: run chmod 0600 " + file);
    }

    @Test
    void hostsMatchAsWrittenAndAnEmptyPgpasswordFallsThroughToTheFile() throws IOException {
        writePasswordFile(home.resolve(".pgpass"), "localhost:*:*:*:for-localhost\n127.0.0.1:*:*:*:for-loopback\n*:*:*:*:any\\:thing:ignored\n");

        assertThat(resolve("postgresql://ana@127.0.0.1/db", Map.of("PGPASSWORD", "")).password()).isEqualTo("for-loopback");
        assertThat(resolve("postgresql://ana@/db", Map.of()).password()).isEqualTo("for-localhost");
        assertThat(resolve("postgresql://ana@other/db", Map.of()).password()).as("the password ends at an unescaped colon").isEqualTo("any:thing");
    }

    @Test
    void theResolvedLocatorConnectsAsResolved() {
        PgCredentials credentials = resolve("postgresql:///", Map.of("PGUSER", "b o", "PGPASSWORD", "p@ss:/w", "PGHOST", "::1", "PGDATABASE", "s"));

        StoreLocator spelledOut = credentials.toLocator(Map.of("schema", "x"));

        assertThat(PgCredentials.resolve(spelledOut, Map.of(), home.resolve("none"))).isEqualTo(credentials);
        assertThat(spelledOut.display()).doesNotContain("p@ss").contains("[::1]:5432").endsWith("?schema=x");
    }

    private static Path writePasswordFile(Path file, String content) throws IOException {
        Files.writeString(file, content);
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private PgCredentials resolve(String url, Map<String, String> env) {
        return PgCredentials.resolve(StoreLocator.parse(url), env, home);
    }
}
