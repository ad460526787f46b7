package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.WriteBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change mark undo compares a PostgreSQL store by: the server's counts of rows written to the
 * tables the layout writes, and their files. Reads leave it as it is; every write changes it, ours
 * at once. Another client's writes: {@code UndoLaterChangesPostgresTest}.
 */
class PostgresChangeMarkTest {

    @Test
    void readsLeaveTheMarkAndOurOwnWriteChangesItAtOnce() {
        StoreLocator locator = TestPostgres.get().freshSchema();
        List<SessionRecord> records = SampleSessions.minskyList(4, 41);
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
            String written = mark(locator);

            try (RecordCursor everything = store.cursor()) {
                everything.forEachRemaining(record -> { });
            }
            store.page(SessionQuery.all());
            assertThat(mark(locator)).as("a backup's read").isEqualTo(written);

            store.put(records.get(0).with("branch", "changed"));
            assertThat(mark(locator)).isNotEqualTo(written);
        }
    }

    @Test
    void aChatStoreIsMarkedByItsMessagesToo() {
        StoreLocator locator = TestPostgres.get().freshSchema("layout=chat");
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(SqlTestData.chatRecords().iterator(), SqlTestData.chatRecords().size()), ProgressMonitor.NONE);
        }

        assertThat(mark(locator)).contains("sessions ins ", "messages ins ");
    }

    @Test
    void aSchemaWithoutTheStoreAndADatabaseThatDoesNotExistHaveMarksOfTheirOwn() {
        StoreLocator noSchema = TestPostgres.get().freshSchema();
        StoreLocator noDatabase = StoreLocator.parse(noSchema.target().replaceFirst("/[^/]*$", "/no_such_database"));

        assertThat(mark(noSchema)).isEqualTo("no sessions table");
        assertThat(mark(noDatabase)).isEqualTo("absent");
    }

    private static String mark(StoreLocator locator) {
        return StoreProviders.of(locator).changeMark(locator).orElseThrow();
    }
}
