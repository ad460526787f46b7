package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app notices a store changed by another program and offers a reload; its own edits do not count. */
class ExternalChangesViewModelTest {

    @TempDir
    Path directory;

    private static final long LONGEST_WAIT_NANOS = 60_000_000_000L;

    private final CurrentStore current = new CurrentStore();
    private final ExternalChangesViewModel viewModel = new ExternalChangesViewModel(current, new CurrentThreadTaskExecutor());

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void aJsonStoreChangedByAnotherProgramIsNoticedAndReloadClearsTheBar() {
        current.show(TestStores.openFixtureCopy(directory));
        assertChangeNoticed(current.store().locator());
    }

    @Test
    void aSqliteStoreChangedByAnotherProgramIsNoticed() {
        StoreLocator sqlite = StoreLocator.parse("sqlite:" + directory.resolve("s.db"));
        try (SessionStore create = StoreFactory.open(sqlite, OpenMode.CREATE_IF_MISSING)) {
            create.put(SampleSessions.minskyRecord(1, 1));
        }
        current.show(StoreFactory.open(sqlite, OpenMode.EXISTING));
        assertChangeNoticed(sqlite);
    }

    /** The watch reads the files' headers, not every page: another program's checkpoint is still no change, its next commit is one. */
    @Test
    void aSqliteStoreOnlyCheckpointedByAnotherProgramIsNotReportedItsNextWriteIs() throws Exception {
        StoreLocator sqlite = StoreLocator.parse("sqlite:" + directory.resolve("s.db"));
        try (SessionStore create = StoreFactory.open(sqlite, OpenMode.CREATE_IF_MISSING)) {
            create.put(SampleSessions.minskyRecord(1, 1));
        }
        try (Connection minsky = DriverManager.getConnection("jdbc:sqlite:" + sqlite.path())) {
            execute(minsky, "PRAGMA wal_autocheckpoint=0");
            execute(minsky, "UPDATE sessions SET status = 'before the window' WHERE 1");
            current.show(StoreFactory.open(sqlite, OpenMode.EXISTING));

            execute(minsky, "PRAGMA wal_checkpoint(TRUNCATE)");
            viewModel.check();
            assertThat(viewModel.messageProperty().get()).as("only checkpointed").isEmpty();

            execute(minsky, "UPDATE sessions SET status = 'CHANGED-BY-MINSKY' WHERE 1");
            viewModel.check();
            assertThat(viewModel.messageProperty().get()).contains("was changed by another program");
        }
    }

    /** The watch looks at the file's size, time and identity, not at its records: a file another program is midway through writing is a change too. */
    @Test
    void aJsonFileAnotherProgramLeftUnreadableIsNoticed() throws Exception {
        current.show(TestStores.openFixtureCopy(directory));
        Files.writeString(current.store().locator().path(), "[{\"session\": \"half-writ");

        viewModel.check();

        assertThat(viewModel.messageProperty().get()).contains("was changed by another program");
    }

    @Test
    void aPostgresStoreChangedByAnotherProgramIsNoticed() {
        current.show(postgresStore());
        assertChangeNoticed(current.store().locator());
    }

    /**
     * A client that stays connected (Minsky) publishes its counters when it has idled ten seconds, if it published any in the
     * second before its commit: the bar shows then, as the window's checks find it. An update keeps the count.
     */
    @Test
    void aPostgresUpdateByAClientThatStaysConnectedIsNoticed() throws Exception {
        current.show(postgresStore());
        String table = current.store().locator().param("schema").orElseThrow() + ".sessions";
        try (Connection minsky = TestPostgres.get().adminConnection()) {
            execute(minsky, "UPDATE " + table + " SET record = record WHERE session_key = (SELECT min(session_key) FROM " + table + ")");
            long deadline = System.nanoTime() + LONGEST_WAIT_NANOS;
            viewModel.check();
            while (viewModel.messageProperty().get().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the window never said another program changed the store");
                }
                Thread.sleep(100);
                viewModel.check();
            }
        }
        assertThat(viewModel.messageProperty().get()).contains("was changed by another program");
    }

    @Test
    void theAppsOwnEditsToAPostgresStoreAreNotReportedAsOutsideChanges() {
        current.show(postgresStore());
        SessionRecord any;
        try (RecordCursor records = current.store().cursor()) {
            any = records.next();
        }

        current.store().put(any.with("status", "EDITED-IN-THE-APP"));
        current.changed();
        viewModel.check();

        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    private static SessionStore postgresStore() {
        StoreLocator postgres = TestPostgres.get().freshSchema();
        try (SessionStore create = StoreFactory.open(postgres, OpenMode.CREATE_IF_MISSING)) {
            create.put(SampleSessions.minskyRecord(1, 1));
            create.put(SampleSessions.minskyRecord(2, 1));
        }
        return StoreFactory.open(postgres, OpenMode.EXISTING);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theAppsOwnEditsAreNotReportedAsOutsideChanges() {
        current.show(TestStores.openFixtureCopy(directory));
        SessionRecord edited = current.store().get("task#002").orElseThrow().with("status", "EDITED-IN-THE-APP");

        current.store().put(edited);
        current.changed();
        viewModel.check();

        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    private void assertChangeNoticed(StoreLocator locator) {
        viewModel.check();
        assertThat(viewModel.messageProperty().get()).as("nothing changed yet").isEmpty();

        try (SessionStore otherProgram = StoreFactory.open(locator, OpenMode.EXISTING)) {
            SessionRecord any;
            try (RecordCursor records = otherProgram.cursor()) {
                any = records.next();
            }
            otherProgram.put(any.with("status", "CHANGED-BY-MINSKY"));
        }
        viewModel.check();
        assertThat(viewModel.messageProperty().get()).contains("was changed by another program");

        viewModel.reload();
        assertThat(viewModel.messageProperty().get()).isEmpty();
        viewModel.check();
        assertThat(viewModel.messageProperty().get()).as("the reloaded state is the new baseline").isEmpty();
    }
}
