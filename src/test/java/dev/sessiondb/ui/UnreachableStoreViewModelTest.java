package dev.sessiondb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.ui.detail.DetailViewModel;
import dev.sessiondb.ui.sessions.ColumnChoices;
import dev.sessiondb.ui.sessions.SessionsViewModel;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit's PostgreSQL server stopped under an open store: the table, the detail pane and Refresh say so once, and recover. */
class UnreachableStoreViewModelTest extends ViewModelFixture {

    private static final String UNREACHABLE = "postgresql://postgres@localhost:5432/sdb: cannot reach PostgreSQL at localhost:5432"
            + " (Connection to localhost:5432 refused); check that the server runs and that host and port are right";

    private SessionsViewModel sessions;
    private DetailViewModel detail;
    /** Whether the store's server is away: every read then fails as a PostgreSQL store's does. */
    private boolean serverGone;

    @BeforeEach
    void openStore() {
        sessions = new SessionsViewModel(current, executor, dialogs, new ColumnChoices(directory.resolve("columns.json")), journal());
        detail = new DetailViewModel(current, executor, dialogs, undo, journal());
        current.show(failingWhileServerGone(TestStores.openFixtureCopy(directory)));
        current.selectedKeyProperty().set("task#002");
    }

    @AfterEach
    void close() {
        serverGone = false;
        current.close();
    }

    @Test
    void aSearchOnAStoppedServerEndsBusyWithOneErrorInTheProductsWordsAndNoOldRows() {
        serverGone = true;

        sessions.searchProperty().set("task#003");

        assertThat(sessions.loadingProperty().get()).isFalse();
        assertThat(sessions.countProperty().get()).isEqualTo("The search failed");
        assertThat(sessions.rowsProperty().get()).isEmpty();
        assertThat(sessions.readFailureProperty().get()).isEqualTo("The search failed: " + UNREACHABLE);
        assertThat(dialogs.errors()).singleElement().asString().endsWith(UNREACHABLE);
        assertThat(detail.recordProperty().get()).isNull();
    }

    /** A page after the first, fetched as the table scrolls to it, failed silently: its rows stayed placeholders with no word why. */
    @Test
    void aLaterPageThatFailsWhileScrollingIsShownAsTheFirstPagesFailureIs() {
        assertThat(sessions.countProperty().get()).isEqualTo("217 sessions");
        serverGone = true;

        sessions.rowsProperty().get().get(205); // the table scrolls to a row of the second page (pages of 200)

        assertThat(sessions.countProperty().get()).isEqualTo("Reading the sessions failed");
        assertThat(sessions.readFailureProperty().get()).isEqualTo("Reading the sessions failed: " + UNREACHABLE);
        assertThat(sessions.rowsProperty().get()).as("no placeholders left waiting for a page that will not come").isEmpty();
        assertThat(dialogs.errors()).singleElement().asString().endsWith(UNREACHABLE);
        assertThat(sessions.loadingProperty().get()).isFalse();
    }

    @Test
    void refreshSaysRefreshedOnlyAfterAReadAndItsFailureIsShownOnce() {
        serverGone = true;

        sessions.refresh();

        assertThat(dialogs.notifications()).noneMatch(notice -> notice.startsWith("Refreshed"));
        assertThat(dialogs.errors()).singleElement().asString().endsWith(UNREACHABLE);
        assertThat(sessions.countProperty().get()).isEqualTo("Reading the sessions failed");
        assertThat(detail.selectedProperty().get()).isFalse();

        serverGone = false;
        sessions.refresh();

        assertThat(dialogs.notifications()).containsExactly("Refreshed " + current.store().locator().display());
        assertThat(sessions.countProperty().get()).isEqualTo("217 sessions");
        assertThat(sessions.readFailureProperty().get()).isEmpty();
    }

    @Test
    void afterTheServerReturnsTheDetailFollowsTheTableOfTheNewSearch() {
        serverGone = true;
        sessions.searchProperty().set("task#003");
        serverGone = false;

        sessions.searchProperty().set("task#00");
        current.selectedKeyProperty().set("task#002");
        sessions.searchProperty().set("task#003");

        assertThat(sessions.rowsProperty().get()).extracting(row -> row.record().key()).containsExactly("task#003");
        assertThat(current.selectedKeyProperty().get()).isNull();
        assertThat(detail.recordProperty().get()).isNull();
    }

    /** A refresh or a save reads the same query again: a session the user is looking at stays, wherever it is in the table. */
    @Test
    void readingTheSameQueryAgainKeepsTheSelectedSession() {
        sessions.searchProperty().set("task#003");
        current.selectedKeyProperty().set("task#002");

        sessions.refresh();

        assertThat(current.selectedKeyProperty().get()).isEqualTo("task#002");
    }

    @Test
    void refreshWithoutAStoreSaysSo() {
        current.close();

        sessions.refresh();

        assertThat(dialogs.notifications()).containsExactly("No store open to refresh");
    }

    /** The store, whose every method but naming and closing fails as an unreachable PostgreSQL store's does while {@link #serverGone}. */
    private SessionStore failingWhileServerGone(SessionStore store) {
        Set<String> withoutServer = Set.of("locator", "close", "searchReadsEveryRecord");
        return TestStores.watched(store, method -> {
            if (serverGone && !withoutServer.contains(method)) {
                throw new StoreException(UNREACHABLE);
            }
        });
    }
}
