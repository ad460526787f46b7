package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sessions table: the current query (search, per-column filters, sort), its rows as a
 * lazily paged list, the live count, and copying and exporting what is shown.
 */
public final class SessionsViewModel {

    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<FieldFilter> filters = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ObservableList<SessionRow>> rows = new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper storeOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private SortKey sortKey = SortKey.SESSION;
    private boolean descending;
    private long generation;

    public SessionsViewModel(CurrentStore current, TaskExecutor executor, DialogService dialogs) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        current.storeProperty().addListener((property, before, after) -> {
            filters.clear();
            search.set("");
            reload();
        });
        current.revisionProperty().addListener((property, before, after) -> reload());
        search.addListener((property, before, after) -> reload());
        filters.addListener((javafx.collections.ListChangeListener<FieldFilter>) change -> reload());
    }

    // Properties

    /** Free text over session, task, repo and branch. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Exact-value filters on columns; all must match. */
    public ObservableList<FieldFilter> filters() {
        return filters;
    }

    public ReadOnlyObjectProperty<ObservableList<SessionRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** "12,345 of 1,000,000 sessions", or "217 sessions" when nothing is filtered. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storeOpenProperty() {
        return storeOpen.getReadOnlyProperty();
    }

    /** True while the first page of a new query is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public SessionQuery query() {
        return new SessionQuery(search.get(), List.copyOf(filters), sortKey, descending, null, 0, PagedSessionList.PAGE_SIZE);
    }

    // Commands

    public void sortBy(SortKey key, boolean descendingOrder) {
        if (key != sortKey || descendingOrder != descending) {
            sortKey = key;
            descending = descendingOrder;
            reload();
        }
    }

    /** Keeps only the sessions whose column has this exact value (from a cell's context menu). */
    public void filterBy(SessionColumn column, SessionRow row) {
        if (row.isLoaded()) {
            replaceFilter(new FieldFilter(column.sortKey(), column.filterValue(row.record())));
        }
    }

    /** Shows a row in the detail pane; a cleared selection (new search, new order) keeps the detail shown. */
    /** Asks for a value and keeps only the sessions whose column has exactly that value. */
    public void askFilter(SessionColumn column) {
        dialogs.askText("Show only sessions where " + column.header() + " is", column.header() + " (exact value"
                + (column.sortKey().field().type() == dev.sessiondb.model.FieldType.TIMESTAMP ? ", as 2025-05-16T22:16:33.321Z)" : ")"), "")
                .ifPresent(value -> replaceFilter(new FieldFilter(column.sortKey(), value)));
    }

    /** One filter per column: a new value for a column replaces its old one. */
    private void replaceFilter(FieldFilter filter) {
        filters.removeIf(existing -> existing.field() == filter.field());
        filters.add(filter);
    }

    public void select(SessionRow row) {
        if (row != null && row.isLoaded()) {
            current.selectedKeyProperty().set(row.record().key());
        }
    }

    /** The selected rows as tab-separated lines with a header, secrets masked, for the clipboard. */
    public String copyText(List<SessionRow> selected, List<SessionColumn> columns) {
        String header = columns.stream().map(SessionColumn::header).collect(Collectors.joining("\t"));
        String lines = selected.stream().filter(SessionRow::isLoaded)
                .map(row -> columns.stream().map(row::text).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? header : header + "\n" + lines;
    }

    public void exportCsv() {
        export(SessionExport.Format.CSV);
    }

    public void exportJson() {
        export(SessionExport.Format.JSON);
    }

    public void export(SessionExport.Format format) {
        SessionStore store = current.store();
        if (store == null) {
            return;
        }
        dialogs.chooseFileToSave("Export the sessions shown", "sessions." + format.extension())
                .ifPresent(file -> exportTo(store, format, file));
    }

    public void reload() {
        long mine = ++generation;
        SessionStore store = current.store();
        storeOpen.set(store != null);
        if (store == null) {
            rows.set(FXCollections.observableArrayList());
            count.set("");
            return;
        }
        SessionQuery query = query();
        loading.set(true);
        executor.execute(BackgroundTask.of("Query sessions", monitor -> new FirstPage(
                        store.page(PagedSessionList.pageQuery(query, 0)), query.search().isEmpty() && query.filters().isEmpty() ? -1 : store.count()))
                .onSuccess(first -> {
                    if (mine == generation) {
                        loading.set(false);
                        rows.set(new PagedSessionList(store::page, query, first.page(), executor));
                        count.set(countText(first.page().totalMatching(), first.storeTotal()));
                    }
                })
                .onFailure(failure -> {
                    if (mine == generation) { // a store closed meanwhile is no news
                        loading.set(false);
                        dialogs.showError("Cannot read " + store.locator().display(), failure.getMessage());
                    }
                }));
    }

    private void exportTo(SessionStore store, SessionExport.Format format, Path file) {
        SessionQuery query = query();
        executor.execute(BackgroundTask.of("Export " + file.getFileName(), monitor -> SessionExport.write(store, query, format, file, monitor))
                .showInJobs()
                .onSuccess(written -> dialogs.notify(String.format("Exported %,d sessions to %s", written, file)))
                .onCancelled(() -> dialogs.notify("Export cancelled; " + file.getFileName() + " was not written"))
                .onFailure(failure -> dialogs.showError("Export to " + file + " failed", failure.getMessage())));
    }

    static String countText(long matching, long storeTotal) {
        if (storeTotal < 0) {
            return String.format("%,d session%s", matching, matching == 1 ? "" : "s");
        }
        return String.format("%,d of %,d sessions", matching, storeTotal);
    }

    /** The first page of a query and, when filtered, how many sessions the store has in all (else -1). */
    private record FirstPage(Page page, long storeTotal) {
        FirstPage {
            Objects.requireNonNull(page);
        }
    }
}
