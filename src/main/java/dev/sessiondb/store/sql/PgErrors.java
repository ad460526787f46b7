package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFaults;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed PostgreSQL connection into one line a user can act on; never shows the password. */
final class PgErrors {

    private static final Pattern POOL_COUNTS = Pattern.compile("\\(total=(\\d+), active=(\\d+)");

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
                            + (credentials.passwordFileIgnored() == null ? "" : "; the " + credentials.passwordFileIgnored())
                    : state.startsWith("08") || sql == null || sql instanceof SQLTransientConnectionException
                    ? null
                    : "PostgreSQL refused the connection (" + cause + "); check the URL and credentials";
        };
        if (message == null && isPoolBusy(failure)) {
            // the pool's wait ended with no connect having failed: the server answers, every connection was in use
            return new StoreFaultException(locator.display(), new StoreFaults.Fault("every connection of this store to PostgreSQL at " + server
                    + " was in use and none came free in time (the server answers)", "let the other work on this store finish, or run less of it at once, and try again"), failure);
        }
        if (message == null) {
            // a named fault, so that the CLI and the window print these words rather than the driver's
            return new StoreFaultException(locator.display(), new StoreFaults.Fault("cannot reach PostgreSQL at " + server + " (" + cause + ")",
                    "check that the server runs and that host and port are right"), failure);
        }
        return "28P01".equals(state) ? new PasswordRefusedException(locator.display(), message, credentials, failure)
                : new StoreException(locator.display() + ": " + message, failure);
    }

    /** Whether no connection could be had: the connect failed, or the pool gave up waiting for one (it wraps the last connect failure). */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pool gave up waiting while it held connections and all were in use: Hikari wraps its last connect failure, and
     * there was none, and its message counts them ("total=4, active=4"). With none held, a connect may still be under way
     * to a server that does not answer.
     */
    private static boolean isPoolBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                Matcher counts = POOL_COUNTS.matcher(String.valueOf(cause.getMessage()));
                return cause.getCause() == null && counts.find() && !counts.group(1).equals("0") && counts.group(1).equals(counts.group(2));
            }
        }
        return false;
    }

    /** PostgreSQL refused a write at repeatable read because another transaction changed the row (40001) or a deadlock was broken (40P01). */
    static boolean isSerializationFailure(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    /** The first SQL failure in the causes; past the pool's timeout, the driver's own failure it wraps, which says why. */
    private static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (found == null || found instanceof SQLTransientConnectionException)) {
                found = sql;
            }
        }
        return found;
    }

    private static Exception asException(Throwable failure) {
        return failure instanceof Exception e ? e : new Exception(failure);
    }
}
