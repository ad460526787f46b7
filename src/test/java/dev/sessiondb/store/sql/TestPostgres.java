package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreLocator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL every test of this JVM shares: one embedded server, or the external one named by
 * {@code SESSIONDB_TEST_PG_URL} ({@code postgresql://user:password@host:port/db}). Each store a test
 * makes lives in a schema of its own. When no server can start the tests fail: they are never skipped.
 */
public final class TestPostgres {

    /** A role that must give its password, for the credential tests (the embedded server trusts only {@code postgres}). */
    public static final String PASSWORD_USER = "sessiondb_pw";
    public static final String PASSWORD = "s3cret-pw";
    /** A role with no privilege but the ones a test grants it ({@link #asLimitedRole}). */
    public static final String LIMITED_USER = "sessiondb_limited";
    public static final String LIMITED_PASSWORD = "l1mited-pw";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestPostgres instance;

    private final String baseUrl;
    private final String host;
    private final int port;
    private final String database;

    private TestPostgres(String baseUrl, String host, int port, String database) {
        this.baseUrl = baseUrl;
        this.host = host;
        this.port = port;
        this.database = database;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            String external = System.getenv("SESSIONDB_TEST_PG_URL");
            instance = external == null || external.isBlank() ? startEmbedded() : external(external);
            instance.createPasswordRole();
        }
        return instance;
    }

    /** A locator of a fresh, not yet existing schema; extra query parameters such as {@code layout=chat} may follow. */
    public StoreLocator freshSchema(String... params) {
        StringBuilder url = new StringBuilder(baseUrl).append("?schema=t").append(ProcessHandle.current().pid())
                .append('_').append(SCHEMAS.incrementAndGet());
        for (String param : params) {
            url.append('&').append(param);
        }
        return StoreLocator.parse(url.toString());
    }

    /** A locator of a new, empty database (its public schema), for what lives outside one schema such as Minsky's Drizzle ledger. */
    public StoreLocator freshDatabase(String... params) {
        String name = "d" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute("CREATE DATABASE " + name);
        StringBuilder url = new StringBuilder(baseUrl.substring(0, baseUrl.lastIndexOf('/') + 1)).append(name);
        for (int i = 0; i < params.length; i++) {
            url.append(i == 0 ? '?' : '&').append(params[i]);
        }
        return StoreLocator.parse(url.toString());
    }

    /** The schema of a {@link #freshSchema} locator, created, as a data source whose connections work in it (as the administrator). */
    public PGSimpleDataSource createdSchema(StoreLocator locator) {
        String schema = locator.param("schema").orElseThrow();
        execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user());
        dataSource.setPassword(password());
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    /** Runs SQL as the administrator in the given store's database and schema. */
    public void execute(StoreLocator store, String... statements) {
        PgCredentials credentials = PgCredentials.resolve(store, System.getenv(), Path.of(System.getProperty("user.home")));
        try (Connection connection = DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL refused: " + e.getMessage(), e);
        }
    }

    /**
     * The store as a role that may only what {@code grants} give it connects to it (the role has no privilege of its own);
     * each grant names the store's schema as {@code %s} and is given to that role.
     */
    public String asLimitedRole(StoreLocator store, String... grants) {
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + LIMITED_USER + "') THEN "
                + "CREATE ROLE " + LIMITED_USER + " LOGIN PASSWORD '" + LIMITED_PASSWORD + "'; END IF; END $$");
        String schema = store.param("schema").orElseThrow();
        for (String grant : grants) {
            execute(grant.formatted(schema) + " TO " + LIMITED_USER);
        }
        return "postgresql://" + LIMITED_USER + ":" + LIMITED_PASSWORD + "@" + host + ":" + port + "/" + database + "?schema=" + schema;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return adminCredentials().user();
    }

    public String password() {
        return adminCredentials().password();
    }

    /** Runs SQL as the administrator, outside any store. */
    public void execute(String sql) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL refused: " + sql, e);
        }
    }

    public Connection adminConnection() throws SQLException {
        PgCredentials credentials = adminCredentials();
        return DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password());
    }

    private PgCredentials adminCredentials() {
        return PgCredentials.resolve(StoreLocator.parse(baseUrl), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private void createPasswordRole() {
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + PASSWORD_USER + "') THEN "
                + "CREATE ROLE " + PASSWORD_USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        execute("GRANT ALL ON DATABASE " + database + " TO " + PASSWORD_USER);
    }

    private static TestPostgres external(String url) {
        StoreLocator locator = StoreLocator.parse(url);
        PgCredentials credentials = PgCredentials.resolve(locator, System.getenv(), Path.of(System.getProperty("user.home")));
        return new TestPostgres(locator.target(), credentials.host(), credentials.port(), credentials.database());
    }

    private static TestPostgres startEmbedded() {
        try {
            Path hba = Files.createTempFile("sessiondb-test-pg_hba", ".conf");
            Files.writeString(hba, String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            hba.toFile().deleteOnExit();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory goes with it
                }
            }));
            int port = postgres.getPort();
            return new TestPostgres("postgresql://postgres@localhost:" + port + "/postgres", "localhost", port, "postgres");
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (set SESSIONDB_TEST_PG_URL to use a server): " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
