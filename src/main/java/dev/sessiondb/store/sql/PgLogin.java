package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

/**
 * Whether a PostgreSQL server lets these credentials log in: without a password, many (trust, peer over a socket, a local
 * test server) do; with a password the user typed, whether it is the right one, asked before anything opens with it.
 */
public final class PgLogin {

    /**
     * "password authentication failed", "no pg_hba.conf entry"/"role may not log in", and the driver's own "the server
     * requested password-based authentication, but no password was provided" (08004): what a password may change.
     */
    private static final Set<String> AUTHENTICATION_REFUSED = Set.of("28P01", "28000", "08004");
    private static final int SECONDS = 5;

    private PgLogin() {
    }

    /**
     * Logs in as {@code credentials} say, with their password if they have one, and tells whether the server refused for
     * authentication. A server that cannot be reached, or a database not there yet, is no refusal: the store's own
     * opening says what is wrong, where a password asked for would not help.
     */
    public static boolean refuses(PgCredentials credentials) {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(SECONDS));
        try (Connection connection = DriverManager.getConnection(credentials.jdbcUrl(), properties)) {
            return false;
        } catch (SQLException refused) {
            return AUTHENTICATION_REFUSED.contains(refused.getSQLState());
        }
    }
}
