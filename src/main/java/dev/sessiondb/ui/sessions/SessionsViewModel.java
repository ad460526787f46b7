package dev.sessiondb.ui.sessions;

import dev.sessiondb.job.ExportTarget;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.FieldPath;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.RepeatsRepair;
import dev.sessiondb.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
    private final ReadOnlyStringWrapper readFailure = new ReadOnlyStringWrapper("");

    private final ObservableList<String> hiddenColumns = FXCollections.observableArrayList();
    private final ObservableList<FieldColumn> addedColumns = FXCollections.observableArrayList();
    private final ObservableList<String> fieldsFound = FXCollections.observableArrayList();

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private BiConsumer<StoreLocator, Long> storeCounted = (store, sessions) -> { };
    private final RepeatsRepair repeatsRepair = new RepeatsRepair();
    private final ColumnChoices columnChoices;
    private final PickList pickList;
    private final FoundInRows foundIn;
    private final BackupJournal journal;
    private SortKey sortKey = SortKey.SESSION;
    private boolean descending;
    private boolean sorted;
    /** The newest query's number: a task of an older one skips its work if it has not started, and its result is dropped. */
    private volatile long generation;
    /** The query whose rows the table shows; null before the first read and after a failed one. */
    private SessionQuery shownQuery;
    /** Set by {@link #refresh()} for the read it starts, which says "Refreshed" only once it has read the store. */
    private boolean refreshAsked;
    private final ObservableList<QueryColumn> filterableColumns = FXCollections.observableArrayList(SessionColumn.values());
    /** The standard columns among {@link #filterableColumns}: every one but those empty in the store's sessions. */
    private List<SessionColumn> filterableStandardColumns = List.of(SessionColumn.values());
    private final ReadOnlyObjectWrapper<SearchPrompt> searchPrompt = new ReadOnlyObjectWrapper<>(SearchPrompt.MINSKY);
    /** Until the first page of a store the user chose no columns for: its columns are then its sessions' kind's ({@link KindColumns}). */
    private boolean columnsByKind;

    /** How the pick list and a filter's chip name the sessions without a value in a column. */
    public static final String NO_VALUE = "(empty)";

    /** @param journal where an export backs up the earlier export it replaces */
    public SessionsViewModel(CurrentStore current, TaskExecutor executor, DialogService dialogs, ColumnChoices columnChoices, BackupJournal journal) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        this.columnChoices = columnChoices;
        this.journal = journal;
        this.pickList = new PickList(current, executor, dialogs);
        this.foundIn = new FoundInRows(rows.getReadOnlyProperty(), current, executor);
        current.storeProperty().addListener((property, before, after) -> {
            filters.clear();
            search.set("");
            closePickList();
            Optional<ColumnChoices.Choice> chosen = after == null ? Optional.empty() : columnChoices.of(storeName(after));
            showColumns(chosen.orElse(ColumnChoices.Choice.DEFAULT));
            columnsByKind = after != null && chosen.isEmpty();
            reload();
        });
        current.revisionProperty().addListener((property, before, after) -> reload());
        search.addListener((property, before, after) -> reload());
        filters.addListener((javafx.collections.ListChangeListener<FieldFilter>) change -> reload());
        addedColumns.addListener((javafx.collections.ListChangeListener<FieldColumn>) change -> {
            showFilterableColumns();
            unsortWhenNoColumnShowsTheSort();
        });
    }

    /** Where a JSON file whose sessions came to repeat is taken, in place of an error. */
    public RepeatsRepair repeatsRepair() {
        return repeatsRepair;
    }

    // Properties

    /** Free text over session, task, repo and branch. */
    public StringProperty searchProperty() {
        return search;
    }

    /** What the search field promises to find: no more than the open store's sessions have of what search reaches. */
    ReadOnlyObjectProperty<SearchPrompt> searchPromptProperty() {
        return searchPrompt.getReadOnlyProperty();
    }

    /**
     * The columns the Filter menu offers: in a store of a chat server's or magellai's sessions, not Minsky's, empty there;
     * and the added columns the store filters by (tenantId, name).
     */
    public ObservableList<QueryColumn> filterableColumns() {
        return filterableColumns;
    }

    /** Where the search found each row's session, while one is active. */
    public FoundInRows foundIn() {
        return foundIn;
    }

    /** Exact-value filters on columns; all must match. */
    public ObservableList<FieldFilter> filters() {
        return filters;
    }

    public ReadOnlyObjectProperty<ObservableList<SessionRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Told the open store's count of sessions each time its first page is read (open, reload, the app's own edits), for labels elsewhere. */
    public void whenStoreCounted(BiConsumer<StoreLocator, Long> storeCounted) {
        this.storeCounted = storeCounted;
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

    /** Why the last read of the rows failed, for the table's placeholder; empty while it has not. */
    public ReadOnlyStringProperty readFailureProperty() {
        return readFailure.getReadOnlyProperty();
    }

    /** What the table says while it shows no row: why, and what to do about it. */
    public StringBinding emptyTableMessage() {
        return Bindings.createStringBinding(() -> loading.get() ? "Reading sessions…"
                        : !readFailure.get().isEmpty() ? readFailure.get() + "\n\nRefresh (F5) reads the store again."
                        : !storeOpen.get() ? "No store open: pick one on the left, or add one with Add (Ctrl+O)."
                        : search.get().isBlank() && filters.isEmpty()
                        ? "This store holds no sessions yet: migrate or consolidate into it, or open another store on the left."
                        : search.get().isBlank() ? "No sessions match. Remove a filter."
                        : "No sessions match. Clear the search (Esc clears it) or remove a filter.",
                loading, readFailure, storeOpen, search, filters);
    }

    /** Ids ({@link SessionColumn#id()}) of the standard columns hidden in this store, remembered per store. */
    public ObservableList<String> hiddenColumns() {
        return hiddenColumns;
    }

    /** Columns the user added for other fields, remembered per store. */
    public ObservableList<FieldColumn> addedColumns() {
        return addedColumns;
    }

    /** Field paths seen in the first page that are not a column yet: the column chooser's suggestions. */
    public ObservableList<String> fieldsFound() {
        return fieldsFound;
    }

    /** The column whose filter pick list is shown, or null. */
    public ReadOnlyObjectProperty<QueryColumn> pickingProperty() {
        return pickList.pickingProperty();
    }

    /** The values of the picked column in the store, the most frequent first, with their counts. */
    public ObservableList<ValueCount> pickList() {
        return pickList.values();
    }

    public SessionQuery query() {
        return new SessionQuery(search.get(), List.copyOf(filters), sortKey, descending, null, 0, QueryPages.PAGE_SIZE);
    }

    // Commands

    /** Sorts by a column (a click on its header); the store does the sorting. */
    public void sortBy(SortKey key, boolean descendingOrder) {
        if (!sorted || key != sortKey || descendingOrder != descending) {
            sorted = true;
            sortKey = key;
            descending = descendingOrder;
            reload();
        }
    }

    /** Back to the store's own order, by session (the third click on a header). */
    public void unsort() {
        if (sorted) {
            sorted = false;
            sortKey = SortKey.SESSION;
            descending = false;
            reload();
        }
    }

    /** The column the user sorted by, empty when the rows are in the store's own order. */
    public java.util.Optional<SortKey> sortedBy() {
        return sorted ? java.util.Optional.of(sortKey) : java.util.Optional.empty();
    }

    public boolean isDescending() {
        return descending;
    }

    /** Keeps only the sessions whose column has this exact value, or none (from a cell's context menu). */
    public void filterBy(QueryColumn column, SessionRow row) {
        if (row.isLoaded() && !row.isDamaged()) {
            replaceFilter(column.filterOf(row.record()));
        }
    }

    /** Reads the values the column has in the store, with counts, and shows them to pick a filter from. */
    public void showPickList(QueryColumn column) {
        pickList.show(column, query());
    }

    /** Keeps only the sessions having the picked value. */
    public void pick(ValueCount value) {
        pickList.pick(value).ifPresent(this::replaceFilter);
    }

    public void closePickList() {
        pickList.close();
    }

    /** Asks for a value and keeps only the sessions whose column has exactly that value. */
    public void askFilter(QueryColumn column) {
        dialogs.askText("Show only sessions where " + column.header() + " is", column.header() + " (exact value"
                + (column.sortKey().isTimestamp() ? ", as 2025-05-16T22:16:33.321Z)" : ")"), "")
                .ifPresent(value -> replaceFilter(new FieldFilter(column.sortKey(), value)));
    }

    /** One filter per column: a new value for a column replaces its old one. */
    private void replaceFilter(FieldFilter filter) {
        filters.removeIf(existing -> existing.field() == filter.field());
        filters.add(filter);
    }

    /** Hides or shows a standard column, remembered for this store. */
    public void showColumn(SessionColumn column, boolean shown) {
        if (shown == hiddenColumns.contains(column.id())) {
            if (shown) {
                hiddenColumns.remove(column.id());
            } else {
                hiddenColumns.add(column.id());
            }
            rememberColumns();
        }
    }

    /** Adds a column for any field, by dotted path (as {@code pullRequest.state}); remembered for this store. */
    public void addColumn(String path) {
        String clean = path == null ? "" : path.strip();
        if (clean.isEmpty() || clean.startsWith(".") || clean.endsWith(".") || clean.contains("..")) {
            dialogs.showError("Cannot add the column " + clean, "A field path is a field name, or names joined by dots as in pullRequest.state");
            return;
        }
        if (addedColumns.stream().noneMatch(column -> column.path().equals(clean))) {
            addedColumns.add(new FieldColumn(clean));
            fieldsFound.remove(clean);
            rememberColumns();
        }
    }

    public void removeColumn(FieldColumn column) {
        if (addedColumns.remove(column)) {
            rememberColumns();
        }
    }

    /** Asks for a field path and adds it as a column. */
    public void askColumn() {
        dialogs.askText("Add a column", "Field, as status or pullRequest.state (nested fields joined by dots)", "")
                .ifPresent(this::addColumn);
    }

    private void showColumns(ColumnChoices.Choice choice) {
        hiddenColumns.setAll(choice.hidden());
        addedColumns.setAll(choice.added().stream().map(FieldColumn::new).toList());
    }

    private void showFilterableColumns() {
        filterableColumns.setAll(java.util.stream.Stream.concat(filterableStandardColumns.stream(),
                addedColumns.stream().flatMap(column -> column.queried().stream())).toList());
    }

    /** An added column removed (or another store's columns shown) ends its sort: no header nor "Sort by" would show the order. */
    private void unsortWhenNoColumnShowsTheSort() {
        boolean shown = java.util.stream.Stream.concat(java.util.stream.Stream.of(SessionColumn.values()),
                addedColumns.stream().flatMap(column -> column.queried().stream())).anyMatch(column -> column.sortKey() == sortKey);
        if (!shown) {
            unsort();
        }
    }

    private void rememberColumns() {
        SessionStore store = current.store();
        if (store != null) {
            columnChoices.remember(storeName(store), new ColumnChoices.Choice(List.copyOf(hiddenColumns),
                    addedColumns.stream().map(FieldColumn::path).toList()));
        }
    }

    private static String storeName(SessionStore store) {
        return store.locator().withoutPassword().display();
    }

    public void select(SessionRow row) {
        if (row != null && row.isLoaded()) {
            current.selectedKeyProperty().set(row.record().key());
        }
    }

    /** The selected rows as tab-separated lines with a header, of the columns given in their order, secrets masked, for the clipboard. */
    public String copyText(List<SessionRow> selected, List<? extends ShownColumn> columns) {
        String header = columns.stream().map(ShownColumn::header).collect(Collectors.joining("\t"));
        String lines = selected.stream().filter(SessionRow::isLoaded)
                .map(row -> columns.stream().map(column -> column.cellText(row)).collect(Collectors.joining("\t")))
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

    /** Reads the open store again (F5), in every view; the window says so once the sessions are read, or shows why they were not. */
    public void refresh() {
        if (!current.isOpen()) {
            dialogs.notify("No store open to refresh");
            return;
        }
        refreshAsked = true;
        current.changed();
    }

    public void reload() {
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
        SessionQuery query = query();
        loading.set(true);
        executor.execute(BackgroundTask.of("Query sessions", monitor -> mine == generation ? FirstPage.read(store, query) : null)
                .onSuccess(first -> {
                    if (mine == generation) {
                        loading.set(false);
                        // a later page that fails, as the table scrolls to it, is shown as the first page's failure is
                        PagedSessionList list = new PagedSessionList(store::pageRecords, query, first.page(), executor,
                                failure -> failedToRead(mine, store, failure));
                        if (query.search().isEmpty() && query.filters().isEmpty()) {
                            searchPrompt.set(SearchPrompt.of(first.page().records()));
                            filterableStandardColumns = KindColumns.filterable(first.page().records());
                            // a first page of chat sessions says nothing of the pages after it, which may hold Minsky's
                            boolean wholeStore = first.page().records().size() >= first.page().totalMatching();
                            current.listed(wholeStore ? SessionKind.commonTo(first.page().records()) : Optional.empty());
                            showFilterableColumns();
                        }
                        if (columnsByKind) {
                            columnsByKind = false;
                            showColumns(KindColumns.of(first.page().records()));
                        }
                        rows.set(list);
                        if (!query.equals(shownQuery)) {
                            keepSelectionIfShown(first.page().records());
                        }
                        shownQuery = query;
                        if (announce) {
                            dialogs.notify("Refreshed " + store.locator().display());
                        }
                        fieldsFound.setAll(FieldPath.pathsOf(first.page().records()).stream()
                                .filter(path -> addedColumns.stream().noneMatch(column -> column.path().equals(path))).toList());
                        storeCounted.accept(store.locator(), first.storeTotal() >= 0 ? first.storeTotal() : first.page().totalMatching());
                        if (first.counted()) {
                            count.set(countText(first.page().totalMatching(), first.storeTotal()));
                        } else {
                            count.set(String.format("at least %,d of %,d sessions, counting…", first.page().records().size(), first.storeTotal()));
                            countMatches(mine, store, query, list, first.storeTotal());
                        }
                    }
                })
                .onFailure(failure -> failedToRead(mine, store, failure)));
    }

    /** The rows a first page fetched without its count stood in for, once counted. */
    private void countMatches(long mine, SessionStore store, SessionQuery query, PagedSessionList list, long storeTotal) {
        executor.execute(BackgroundTask.of("Count sessions", monitor -> mine == generation ? store.page(query.page(0, 0)).totalMatching() : -1L)
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
            count.set(query().search().isEmpty() && filters.isEmpty() ? "Reading the sessions failed" : "The search failed");
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

    private void exportTo(SessionStore store, SessionExport.Format format, Path file) {
        SessionQuery query = query();
        executor.execute(BackgroundTask.of("Export " + file.getFileName(), monitor -> SessionExport.write(store, query, format, file, journal, monitor))
                .showInJobs()
                .onSuccess(written -> dialogs.notify(String.format("Exported %,d sessions to %s", written.sessions(), file)
                        + ExportTarget.replacedNote(written.replaced(), journal)))
                .onCancelled(stopped -> dialogs.notify("Export cancelled; " + file.getFileName() + " was not written"))
                .onFailure(failure -> dialogs.showExportFailure(file, failure)));
    }

    static String countText(long matching, long storeTotal) {
        if (storeTotal < 0) {
            return String.format("%,d session%s", matching, matching == 1 ? "" : "s");
        }
        return String.format("%,d of %,d sessions", matching, storeTotal);
    }
}
