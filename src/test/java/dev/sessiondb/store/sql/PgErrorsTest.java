package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class PgErrorsTest {

    private static final StoreLocator STORE = StoreLocator.parse("postgresql://postgres@localhost:5432/sdb");
    private static final PgCredentials CREDENTIALS = new PgCredentials("localhost", 5432, "sdb", "postgres", null);

    /** What Hikari throws when the server stopped after the store opened: its wait timed out, wrapping the refused connect. */
    private static SQLTransientConnectionException poolTimedOut() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused. Check that the hostname and port are correct.", "08001",
                new ConnectException("Connection refused"));
        return new SQLTransientConnectionException("sessiondb-1 - Connection is not available, request timed out after 10001ms.", "08001", refused);
    }

    @Test
    void aPoolTimeoutOverARefusedConnectSaysTheServerCannotBeReachedInTheProductsWords() {
        SQLTransientConnectionException timeout = poolTimedOut();

        String message = PgErrors.describe(STORE, CREDENTIALS, timeout).getMessage();

        assertThat(PgErrors.isUnreachable(timeout)).isTrue();
        assertThat(message).startsWith("postgresql://postgres@localhost:5432/sdb: cannot reach PostgreSQL at localhost:5432 (Connection to localhost:5432 refused")
                .endsWith("; check that the server runs and that host and port are right")
                .doesNotContain("SQLTransientConnectionException", "sessiondb-1", "request timed out");
    }

    @Test
    void theCliSaysTheSameWordsAsTheWindow() {
        Exception failure = PgErrors.describe(STORE, CREDENTIALS, poolTimedOut());

        assertThat(StoreFaults.describe(failure)).isEqualTo(failure.getMessage());
    }

    @Test
    void aFailedStatementIsNotTakenForAnUnreachableServer() {
        assertThat(PgErrors.isUnreachable(new SQLException("syntax error", "42601"))).isFalse();
    }

    /** A pool whose every connection is in use times out with no connect failed: the server answers, so it is not called unreachable. */
    @Test
    void aPoolWhoseConnectionsAreAllInUseSaysSoAndNotThatTheServerCannotBeReached() throws Exception {
        TestPostgres server = TestPostgres.get();
        StoreLocator store = server.freshSchema();
        PgCredentials credentials = PgCredentials.resolve(store);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        Exception waited;
        try (HikariDataSource pool = new HikariDataSource(config); Connection held = pool.getConnection()) {
            waited = catchThrowableOfType(pool::getConnection, SQLTransientConnectionException.class);
        }

        String message = PgErrors.describe(store, credentials, waited).getMessage();

        assertThat(message).startsWith(store.display() + ": every connection of this store to PostgreSQL at " + credentials.host() + ":" + credentials.port()
                + " was in use and none came free in time (the server answers); let the other work on this store finish")
                .doesNotContain("cannot reach", "SQLTransientConnectionException", "request timed out");
    }

    /** With no connection held, a connect may still be under way to a server that does not answer: that is not a busy store. */
    @Test
    void aPoolTimeoutHoldingNoConnectionIsStillAServerNotReached() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "sessiondb-1 - Connection is not available, request timed out after 10001ms (total=0, active=0, idle=0, waiting=1)");

        assertThat(PgErrors.describe(STORE, CREDENTIALS, timeout).getMessage()).contains(": cannot reach PostgreSQL at localhost:5432");
    }
}
