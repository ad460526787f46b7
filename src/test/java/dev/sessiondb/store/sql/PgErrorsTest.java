package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import java.net.ConnectException;
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
}
