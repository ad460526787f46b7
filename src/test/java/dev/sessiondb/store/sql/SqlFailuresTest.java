package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreLocator;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A failed write's message names the reason a user can act on. */
class SqlFailuresTest {

    private static final StoreLocator STORE = StoreLocator.parse("postgresql://admin:s3cret@db.example/sessions");

    /**
     * A COPY sent on its own thread failed on a foreign key and the next statement met "current transaction is aborted": the
     * message gave only that, which says nothing of what to fix.
     */
    @Test
    void aWriteRefusedAfterAnEarlierStatementFailedNamesThatStatementsReason() {
        SQLException foreignKey = new SQLException("ERROR: insert or update on table \"messages\" violates foreign key constraint \"messages_session_id_fkey\"\n"
                + "  Detail: Key (session_id)=(chat-005000) is not present in table \"sessions\".", "23503");
        SQLException aborted = new SQLException("ERROR: current transaction is aborted, commands ignored until end of transaction block", "25P02", foreignKey);

        String message = SqlFailures.writeFailure(STORE, "writing failed", aborted).getMessage();

        assertThat(message).isEqualTo("postgresql://admin:****@db.example/sessions: writing failed (ERROR: insert or update on table \"messages\""
                + " violates foreign key constraint \"messages_session_id_fkey\"); nothing was changed");
    }

    @Test
    void aWriteRefusedForItsOwnReasonNamesThatReason() {
        SQLException notNull = new SQLException("ERROR: null value in column \"created_at\" violates not-null constraint", "23502",
                new SQLException("an inner detail", "08006"));

        assertThat(SqlFailures.writeFailure(STORE, "writing failed", notNull).getMessage())
                .contains("(ERROR: null value in column \"created_at\" violates not-null constraint)");
    }
}
