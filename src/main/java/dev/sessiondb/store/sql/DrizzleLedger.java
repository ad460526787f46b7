package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Minsky's Drizzle migration ledger, {@code drizzle.__drizzle_migrations}: one row per applied
 * migration. Minsky's migrator refuses a database whose public schema has tables but no ledger
 * ("ledger-lost"), so the ledger decides whether Minsky accepts a PostgreSQL database. Only read.
 */
final class DrizzleLedger {

    static final String SCHEMA = "drizzle";
    static final String TABLE = "__drizzle_migrations";

    private DrizzleLedger() {
    }

    /** The number of migrations the ledger records, or empty when the database has no ledger. */
    static OptionalLong migrations(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            exists.setString(1, SCHEMA);
            exists.setString(2, TABLE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    return OptionalLong.empty();
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + Dialect.quote(SCHEMA) + "." + Dialect.quote(TABLE))) {
            rows.next();
            return OptionalLong.of(rows.getLong(1));
        }
    }
}
