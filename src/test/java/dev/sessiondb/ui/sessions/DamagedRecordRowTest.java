package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.detail.DetailViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window over a native SQLite store one of whose 450 rows (on the second of three pages) holds record text
 * that is no longer JSON: the table shows every row, that one with its key and a marker; selecting it shows what is
 * wrong and the row to delete instead of fields; the other pages, search and the other rows work as ever.
 */
class DamagedRecordRowTest extends ViewModelFixture {

    private static final int SESSIONS = 450;
    private static final int DAMAGED_ROW = 250;
    private static final String DAMAGED_KEY = String.format("task-md#%06d", DAMAGED_ROW);
    private static final String DAMAGED_TEXT = "{\"session\": \"" + DAMAGED_KEY + "\", \"token\": \"ghp_";

    private SessionsViewModel sessions;
    private DetailViewModel detail;

    @BeforeEach
    void openStoreWithOneDamagedRecord() throws SQLException {
        Path file = directory.resolve("recovered.db");
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(SESSIONS, 3), SESSIONS), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = '" + DAMAGED_TEXT + "' WHERE session_key = '" + DAMAGED_KEY + "'");
        }
        sessions = new SessionsViewModel(current, executor, dialogs, new ColumnChoices(directory.resolve("columns.json")), journal());
        detail = new DetailViewModel(current, executor, dialogs, undo, journal());
        current.show(StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.EXISTING));
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void theTableShowsEveryRowTheDamagedOneMarkedWithItsKey() {
        List<SessionRow> rows = sessions.rowsProperty().get();

        assertThat(rows).hasSize(SESSIONS);
        assertThat(sessions.countProperty().get()).isEqualTo("450 sessions");
        SessionRow damaged = rows.get(DAMAGED_ROW);
        assertThat(damaged.isDamaged()).isTrue();
        assertThat(damaged.text(SessionColumn.SESSION)).isEqualTo(DAMAGED_KEY);
        assertThat(damaged.text(SessionColumn.STATUS)).isEqualTo(SessionRow.DAMAGED);
        assertThat(List.of(rows.get(DAMAGED_ROW - 1), rows.get(DAMAGED_ROW + 1), rows.get(SESSIONS - 1)))
                .allSatisfy(row -> assertThat(row.isLoaded() && !row.isDamaged()).isTrue());
        assertThat(rows.get(SESSIONS - 1).record().key()).isEqualTo(String.format("task-md#%06d", SESSIONS - 1));
        assertThat(dialogs.errors()).isEmpty();

        sessions.filterBy(SessionColumn.STATUS, damaged);

        assertThat(sessions.filters()).as("its cells are not its values").isEmpty();
    }

    @Test
    void aSearchFindsTheDamagedRowMarkedAndOthersAsEver() {
        sessions.searchProperty().set(DAMAGED_KEY);

        assertThat(sessions.rowsProperty().get()).singleElement().satisfies(row -> assertThat(row.isDamaged()).isTrue());

        sessions.searchProperty().set("task-md#00024");

        assertThat(sessions.rowsProperty().get()).hasSize(10).noneMatch(SessionRow::isDamaged);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void selectingTheDamagedRowShowsWhatIsWrongAndTheFixInsteadOfFields() {
        sessions.select(sessions.rowsProperty().get().get(DAMAGED_ROW));

        assertThat(detail.selectedProperty().get()).isTrue();
        assertThat(detail.titleProperty().get()).isEqualTo(DAMAGED_KEY);
        assertThat(detail.damageProperty().get()).contains("session '" + DAMAGED_KEY + "' holds a damaged record (",
                "DELETE FROM sessions WHERE session_key = '" + DAMAGED_KEY + "'").doesNotContain("ghp_");
        assertThat(detail.fields()).isEmpty();
        assertThat(detail.recordProperty().get()).as("nothing to edit, export or delete").isNull();
        assertThat(dialogs.errors()).isEmpty();

        sessions.select(sessions.rowsProperty().get().get(DAMAGED_ROW + 1));

        assertThat(detail.damageProperty().get()).isEmpty();
        assertThat(detail.fields()).isNotEmpty();
    }

    @Test
    void anExportOfTheSessionsShownRefusesTheDamagedRecordAndWritesNoFile() {
        Path export = directory.resolve("sessions.json");
        dialogs.answer(export);

        sessions.exportJson();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Export to " + export + " failed: ")
                .contains("session '" + DAMAGED_KEY + "' holds a damaged record");
        assertThat(Files.exists(export)).isFalse();
    }
}
