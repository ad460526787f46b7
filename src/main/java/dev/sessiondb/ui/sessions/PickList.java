package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A filter's pick list: the column picked, and its values among the sessions shown with their counts, read from the store. */
final class PickList {

    /** The most values a filter's pick list shows (the most frequent); others can still be typed. */
    static final int LIMIT = 500;

    private final ReadOnlyObjectWrapper<QueryColumn> picking = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ValueCount> values = FXCollections.observableArrayList();
    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    PickList(CurrentStore current, TaskExecutor executor, DialogService dialogs) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** The column whose values are shown, or null. */
    ReadOnlyObjectProperty<QueryColumn> pickingProperty() {
        return picking.getReadOnlyProperty();
    }

    /** The picked column's values, the most frequent first, with their counts. */
    ObservableList<ValueCount> values() {
        return values;
    }

    /** Reads the column's values among the sessions the query shows, and shows them. */
    void show(QueryColumn column, SessionQuery shown) {
        SessionStore store = current.store();
        if (store == null) {
            return;
        }
        // less this column's own filter: its other values stay to pick from
        SessionQuery within = shown.withFilters(shown.filters().stream().filter(filter -> filter.field() != column.sortKey()).toList());
        executor.execute(BackgroundTask.of("Values of " + column.header(), monitor -> store.distinctValues(column.sortKey(), within, LIMIT))
                .onSuccess(read -> {
                    if (store == current.store()) {
                        picking.set(column); // first: the list's lines are shown as this column shows its values
                        values.setAll(read);
                    }
                })
                .onFailure(failure -> dialogs.showError("Cannot read the values of " + column.header(), failure.getMessage())));
    }

    /** Closes the list; the filter the picked value makes, none while no list is shown. */
    Optional<FieldFilter> pick(ValueCount value) {
        QueryColumn column = picking.get();
        if (column == null || value == null) {
            return Optional.empty();
        }
        close();
        return Optional.of(new FieldFilter(column.sortKey(), value.value()));
    }

    void close() {
        values.clear(); // first: a line of the list is shown as the column it was picked from shows its values
        picking.set(null);
    }
}
