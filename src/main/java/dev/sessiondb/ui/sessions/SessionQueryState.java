package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.ui.common.DialogService;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** What the sessions table asks the store for: the search, one exact-value filter per column and the sort; each change is told. */
final class SessionQueryState {

    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<FieldFilter> filters = FXCollections.observableArrayList();
    private SortKey sortKey = SortKey.SESSION;
    private boolean descending;
    private boolean sorted;

    private final DialogService dialogs;
    private final Runnable changed;

    /** @param changed told of each change of the search, the filters or the sort, to read the rows again */
    SessionQueryState(DialogService dialogs, Runnable changed) {
        this.dialogs = dialogs;
        this.changed = changed;
        search.addListener((property, before, after) -> changed.run());
        filters.addListener((ListChangeListener<FieldFilter>) change -> changed.run());
    }

    StringProperty search() {
        return search;
    }

    ObservableList<FieldFilter> filters() {
        return filters;
    }

    SessionQuery query() {
        return new SessionQuery(search.get(), List.copyOf(filters), sortKey, descending, null, 0, QueryPages.PAGE_SIZE);
    }

    /** No search and no filter: another store's rows start unfiltered. */
    void clear() {
        filters.clear();
        search.set("");
    }

    void sortBy(SortKey key, boolean descendingOrder) {
        if (!sorted || key != sortKey || descendingOrder != descending) {
            sorted = true;
            sortKey = key;
            descending = descendingOrder;
            changed.run();
        }
    }

    void unsort() {
        if (sorted) {
            sorted = false;
            sortKey = SortKey.SESSION;
            descending = false;
            changed.run();
        }
    }

    Optional<SortKey> sortedBy() {
        return sorted ? Optional.of(sortKey) : Optional.empty();
    }

    /** The key the rows are in the order of, the store's own (by session) when unsorted. */
    SortKey sortKey() {
        return sortKey;
    }

    boolean isDescending() {
        return descending;
    }

    void filterBy(QueryColumn column, SessionRow row) {
        if (row.isLoaded() && !row.isDamaged()) {
            replaceFilter(column.filterOf(row.record()));
        }
    }

    void askFilter(QueryColumn column) {
        dialogs.askText("Show only sessions where " + column.header() + " is", column.header() + " (exact value"
                + (column.sortKey().isTimestamp() ? ", as 2025-05-16T22:16:33.321Z)" : ")"), "")
                .ifPresent(value -> replaceFilter(new FieldFilter(column.sortKey(), value)));
    }

    /** One filter per column: a new value for a column replaces its old one. */
    void replaceFilter(FieldFilter filter) {
        filters.removeIf(existing -> existing.field() == filter.field());
        filters.add(filter);
    }
}
