package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.RepeatsRepair;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open store read for the sessions table's query in the background: its rows as a lazily paged list, the count (counted
 * after the first page in a SQL store), whether a read is under way, and why the last one failed; a newer query's read
 * drops an older one's result.
 */
final class SessionReads {

    /** What the view model does with a first page before the table shows its rows. */
    interface FirstPageRead {
        void read(SessionStore store, SessionQuery query, FirstPage first);
    }

    private final ReadOnlyObjectWrapper<ObservableList<SessionRow>> rows = new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper storeOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper readFailure = new ReadOnlyStringWrapper("");

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final RepeatsRepair repeatsRepair;
    private final Supplier<SessionQuery> query;
    private final FirstPageRead firstPageRead;
    /** The newest query's number: a task of an older one skips its work if it has not started, and its result is dropped. */
    private volatile long generation;
    /** The query whose rows the table shows; null before the first read and after a failed one. */
    private SessionQuery shownQuery;
    /** Set by {@link #announceNextRead()} for the read it comes before, which says "Refreshed" only once it has read the store. */
    private boolean refreshAsked;

    SessionReads(CurrentStore current, TaskExecutor executor, DialogService dialogs, RepeatsRepair repeatsRepair,
                 Supplier<SessionQuery> query, FirstPageRead firstPageRead) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        this.repeatsRepair = repeatsRepair;
        this.query = query;
        this.firstPageRead = firstPageRead;
    }

    ReadOnlyObjectWrapper<ObservableList<SessionRow>> rows() {
        return rows;
    }

    ReadOnlyStringWrapper count() {
        return count;
    }

    ReadOnlyBooleanWrapper storeOpen() {
        return storeOpen;
    }

    ReadOnlyBooleanWrapper loading() {
        return loading;
    }

    ReadOnlyStringWrapper readFailure() {
        return readFailure;
    }

    /** The next read says "Refreshed" once it has read the store. */
    void announceNextRead() {
        refreshAsked = true;
    }

    void reload() {
        long mine = ++generation;
        boolean announce = refreshAsked;
        refreshAsked = false;
        SessionStore store = current.store();
        storeOpen.set(store != null);
        readFailure.set("");
        if (store == null) {
            rows.set(FXCollections.observableArrayList());
            count.set("");
            return;
        }
        SessionQuery asked = query.get();
        loading.set(true);
        executor.execute(BackgroundTask.of("Query sessions", monitor -> mine == generation ? FirstPage.read(store, asked) : null)
                .onSuccess(first -> {
                    if (mine == generation) {
                        show(mine, store, asked, first, announce);
                    }
                })
                .onFailure(failure -> failedToRead(mine, store, failure)));
    }

    private void show(long mine, SessionStore store, SessionQuery asked, FirstPage first, boolean announce) {
        loading.set(false);
        // a later page that fails, as the table scrolls to it, is shown as the first page's failure is
        PagedSessionList list = new PagedSessionList(store::pageRecords, asked, first.page(), executor, failure -> failedToRead(mine, store, failure));
        firstPageRead.read(store, asked, first);
        rows.set(list);
        if (!asked.equals(shownQuery)) {
            keepSelectionIfShown(first.page().records());
        }
        shownQuery = asked;
        if (announce) {
            dialogs.notify("Refreshed " + store.locator().display());
        }
        if (first.counted()) {
            count.set(countText(first.page().totalMatching(), first.storeTotal()));
        } else {
            count.set(String.format("at least %,d of %,d sessions, counting…", first.page().records().size(), first.storeTotal()));
            countMatches(mine, store, asked, list, first.storeTotal());
        }
    }

    /** The rows a first page fetched without its count stood in for, once counted. */
    private void countMatches(long mine, SessionStore store, SessionQuery asked, PagedSessionList list, long storeTotal) {
        executor.execute(BackgroundTask.of("Count sessions", monitor -> mine == generation ? store.page(asked.page(0, 0)).totalMatching() : -1L)
                .onSuccess(total -> {
                    if (mine == generation) {
                        list.sizeTo(total);
                        count.set(countText(total, storeTotal));
                    }
                })
                .onFailure(failure -> failedToRead(mine, store, failure)));
    }

    private void failedToRead(long mine, SessionStore store, Exception failure) {
        if (mine == generation) { // a store closed meanwhile is no news
            loading.set(false);
            // rows and a count of an earlier read would pass for this query's answer
            rows.set(FXCollections.observableArrayList());
            SessionQuery now = query.get();
            count.set(now.search().isEmpty() && now.filters().isEmpty() ? "Reading the sessions failed" : "The search failed");
            current.selectedKeyProperty().set(null);
            shownQuery = null;
            readFailure.set(count.get() + ": " + failure.getMessage());
            // sessions that came to repeat (an undo of their repair, another program's write) go to their repair
            if (!repeatsRepair.took(store.locator(), failure)) {
                dialogs.showError("Cannot read " + store.locator().display(), failure.getMessage());
            }
        }
    }

    /**
     * After a new search or filter, the detail pane follows the table: a selected session the new
     * rows do not start with is no longer shown. The same query read again (a refresh, a save) keeps it.
     */
    private void keepSelectionIfShown(List<SessionRecord> firstRows) {
        String selected = current.selectedKeyProperty().get();
        if (selected != null && firstRows.stream().noneMatch(record -> record.key().equals(selected))) {
            current.selectedKeyProperty().set(null);
        }
    }

    static String countText(long matching, long storeTotal) {
        if (storeTotal < 0) {
            return String.format("%,d session%s", matching, matching == 1 ? "" : "s");
        }
        return String.format("%,d of %,d sessions", matching, storeTotal);
    }
}
