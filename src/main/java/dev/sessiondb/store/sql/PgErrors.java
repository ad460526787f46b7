package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.sql.SQLException;

/** Turns a failed PostgreSQL connection into one line a user can act on; never shows the password. */
final class PgErrors {

    private PgErrors() {
    }

    static StoreException describe(StoreLocator locator, PgCredentials credentials, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String cause = sql == null ? SqlFailures.firstLine(asException(failure)) : SqlFailures.firstLine(sql);
        String server = credentials.host() + ":" + credentials.port();
        String message = switch (state) {
            case "28P01" -> "password refused for user " + credentials.user()
                    + "; check the password in the URL, PGPASSWORD or ~/.pgpass";
            case "28000" -> "user " + credentials.user() + " may not connect (" + cause + "); check the user name and the server's pg_hba.conf";
            case "3D000" -> "database " + credentials.database() + " does not exist on " + server + "; check the database name in the URL";
            default -> credentials.password() == null && cause.contains("no password was provided")
                    ? "PostgreSQL at " + server + " asks user " + credentials.user() + " for a password and none was given; put it in the URL (as user:password"
                            + " before the @), in PGPASSWORD or in ~/.pgpass (a saved store and a backup keep no password)"
                    : state.startsWith("08") || sql == null
                    ? "cannot reach PostgreSQL at " + server + " (" + cause + "); check that the server runs and that host and port are right"
                    : "PostgreSQL refused the connection (" + cause + "); check the URL and credentials";
        };
        return "28P01".equals(state) ? new PasswordRefusedException(locator.display(), message, credentials, failure)
                : new StoreException(locator.display() + ": " + message, failure);
    }

    /** PostgreSQL refused a write at repeatable read because another transaction changed the row (40001) or a deadlock was broken (40P01). */
    static boolean isSerializationFailure(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static Exception asException(Throwable failure) {
        return failure instanceof Exception e ? e : new Exception(failure);
    }
}
