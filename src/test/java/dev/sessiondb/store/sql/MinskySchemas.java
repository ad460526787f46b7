package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stores in Minsky's own schemas, per era, built with plain JDBC from the scripts in
 * {@code fixtures/minsky-schemas/} (written from Minsky's source), so no code under test makes them.
 */
public final class MinskySchemas {

    /**
     * A new database whose public schema holds Minsky's projects and sessions tables (with its two
     * sessions or none), and, unless {@code ledgerMigrations} is negative, Minsky's Drizzle ledger
     * recording that many migrations, as {@code minsky persistence migrate} leaves it.
     */
    public static StoreLocator postgresDatabase(boolean withRows, int ledgerMigrations) {
        StoreLocator database = TestPostgres.get().freshDatabase();
        List<String> sql = new ArrayList<>(statements(Era.POSTGRESQL_2026, withRows));
        if (ledgerMigrations >= 0) {
            sql.add("CREATE SCHEMA drizzle");
            sql.add("CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)");
            sql.add("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) SELECT md5(n::text), 1755287962245 + n FROM generate_series(1, "
                    + ledgerMigrations + ") AS n");
        }
        TestPostgres.get().execute(database, sql.toArray(String[]::new));
        return database;
    }

    /** The id of the one project the PostgreSQL fixture holds. */
    public static final String PROJECT_ID = "0b8f6f2e-3c1d-4a57-9d2e-6f1f4b0c9a11";

    /** A Minsky era with its fixture script. */
    public enum Era {
        SQLITE_2025("sqlite-2025.sql"),
        SQLITE_2026("sqlite-2026.sql"),
        POSTGRESQL_2026("postgresql-2026.sql");

        private final String script;

        Era(String script) {
            this.script = script;
        }
    }

    private MinskySchemas() {
    }

    /** A SQLite file as Minsky of that era leaves it, with its two sessions (or none). */
    public static StoreLocator sqlite(Era era, Path file, boolean withRows) {
        try {
            ForeignSqliteFiles.execute(file, statements(era, withRows).toArray(String[]::new));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the Minsky " + era + " fixture in " + file, e);
        }
        return StoreLocator.parse("sqlite:" + file);
    }

    /** A fresh schema holding Minsky's projects and sessions tables (one project; two sessions or none). */
    public static StoreLocator postgres(boolean withRows) {
        StoreLocator schema = TestPostgres.get().freshSchema();
        String name = schema.param("schema").orElseThrow();
        TestPostgres.get().execute("CREATE SCHEMA " + name);
        List<String> sql = new ArrayList<>(List.of("SET search_path TO " + name));
        sql.addAll(statements(Era.POSTGRESQL_2026, withRows));
        TestPostgres.get().execute(schema, sql.toArray(String[]::new));
        return schema;
    }

    static List<String> statements(Era era, boolean withRows) {
        String script = resource(era.script);
        return Arrays.stream(script.split(";\\s*\\n"))
                .map(statement -> statement.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip())
                .filter(statement -> !statement.isEmpty())
                .filter(statement -> withRows || !statement.startsWith("INSERT INTO sessions") && !statement.startsWith("INSERT INTO \"sessions\""))
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = MinskySchemas.class.getResourceAsStream("/fixtures/minsky-schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fixtures/minsky-schemas/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
