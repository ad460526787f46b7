package dev.sessiondb.ui.sessions;

import dev.sessiondb.job.ExportTarget;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.FieldFilter;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The sessions table: the query ({@link SessionQueryState}: search, per-column filters, sort), its rows read as a lazily
 * paged list with the live count ({@link SessionReads}), its columns ({@link SessionColumns}), the filter pick list, where
 * a search found each row, and copying and exporting what is shown.
 */
public final class SessionsViewModel {

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private BiConsumer<StoreLocator, Long> storeCounted = (store, sessions) -> { };
    private final RepeatsRepair repeatsRepair = new RepeatsRepair();
    private final SessionQueryState queryState;
    private final SessionColumns columns;
    private final SessionReads reads;
    private final PickList pickList;
    private final FoundInRows foundIn;
    private final BackupJournal journal;
    private final ReadOnlyObjectWrapper<SearchPrompt> searchPrompt = new ReadOnlyObjectWrapper<>(SearchPrompt.MINSKY);

    /** How the pick list and a filter's chip name the sessions without a value in a column. */
    public static final String NO_VALUE = "(empty)";

    /** @param journal where an export backs up the earlier export it replaces */
    public SessionsViewModel(CurrentStore current, TaskExecutor executor, DialogService dialogs, ColumnChoices columnChoices, BackupJournal journal) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        this.journal = journal;
        this.queryState = new SessionQueryState(dialogs, this::reload);
        this.columns = new SessionColumns(current, dialogs, columnChoices);
        this.reads = new SessionReads(current, executor, dialogs, repeatsRepair, this::query, this::firstPageRead);
        this.pickList = new PickList(current, executor, dialogs);
        this.foundIn = new FoundInRows(reads.rows().getReadOnlyProperty(), current, executor);
        current.storeProperty().addListener((property, before, after) -> {
            queryState.clear();
            closePickList();
            columns.showFor(after);
            reload();
        });
        current.revisionProperty().addListener((property, before, after) -> reload());
        // an added column removed (or another store's columns shown) ends its sort: no header nor "Sort by" would show the order
        columns.added().addListener((ListChangeListener<FieldColumn>) change -> {
            if (!columns.showsSort(queryState.sortKey())) {
                unsort();
            }
        });
    }

    /** Where a JSON file whose sessions came to repeat is taken, in place of an error. */
    public RepeatsRepair repeatsRepair() {
        return repeatsRepair;
    }

    // Properties

    /** Free text over session, task, repo and branch. */
    public StringProperty searchProperty() {
        return queryState.search();
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
        return columns.filterable();
    }

    /** Where the search found each row's session, while one is active. */
    public FoundInRows foundIn() {
        return foundIn;
    }

    /** Exact-value filters on columns; all must match. */
    public ObservableList<FieldFilter> filters() {
        return queryState.filters();
    }

    public ReadOnlyObjectProperty<ObservableList<SessionRow>> rowsProperty() {
        return reads.rows().getReadOnlyProperty();
    }

    /** Told the open store's count of sessions each time its first page is read (open, reload, the app's own edits), for labels elsewhere. */
    public void whenStoreCounted(BiConsumer<StoreLocator, Long> storeCounted) {
        this.storeCounted = storeCounted;
    }

    /** "12,345 of 1,000,000 sessions", or "217 sessions" when nothing is filtered. */
    public ReadOnlyStringProperty countProperty() {
        return reads.count().getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storeOpenProperty() {
        return reads.storeOpen().getReadOnlyProperty();
    }

    /** True while the first page of a new query is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return reads.loading().getReadOnlyProperty();
    }

    /** Why the last read of the rows failed, for the table's placeholder; empty while it has not. */
    public ReadOnlyStringProperty readFailureProperty() {
        return reads.readFailure().getReadOnlyProperty();
    }

    /** What the table says while it shows no row: why, and what to do about it. */
    public StringBinding emptyTableMessage() {
        return Bindings.createStringBinding(() -> loadingProperty().get() ? "Reading sessions…"
                        : !readFailureProperty().get().isEmpty() ? readFailureProperty().get() + "\n\nRefresh (F5) reads the store again."
                        : !storeOpenProperty().get() ? "No store open: pick one on the left, or add one with Add (Ctrl+O)."
                        : searchProperty().get().isBlank() && filters().isEmpty()
                        ? "This store holds no sessions yet: migrate or consolidate into it, or open another store on the left."
                        : searchProperty().get().isBlank() ? "No sessions match. Remove a filter."
                        : "No sessions match. Clear the search (Esc clears it) or remove a filter.",
                loadingProperty(), readFailureProperty(), storeOpenProperty(), searchProperty(), filters());
    }

    /** Ids ({@link SessionColumn#id()}) of the standard columns hidden in this store, remembered per store. */
    public ObservableList<String> hiddenColumns() {
        return columns.hidden();
    }

    /** Columns the user added for other fields, remembered per store. */
    public ObservableList<FieldColumn> addedColumns() {
        return columns.added();
    }

    /** Field paths seen in the first page that are not a column yet: the column chooser's suggestions. */
    public ObservableList<String> fieldsFound() {
        return columns.fieldsFound();
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
        return queryState.query();
    }

    // Commands

    /** Sorts by a column (a click on its header); the store does the sorting. */
    public void sortBy(SortKey key, boolean descendingOrder) {
        queryState.sortBy(key, descendingOrder);
    }

    /** Back to the store's own order, by session (the third click on a header). */
    public void unsort() {
        queryState.unsort();
    }

    /** The column the user sorted by, empty when the rows are in the store's own order. */
    public Optional<SortKey> sortedBy() {
        return queryState.sortedBy();
    }

    public boolean isDescending() {
        return queryState.isDescending();
    }

    /** Keeps only the sessions whose column has this exact value, or none (from a cell's context menu). */
    public void filterBy(QueryColumn column, SessionRow row) {
        queryState.filterBy(column, row);
    }

    /** Reads the values the column has in the store, with counts, and shows them to pick a filter from. */
    public void showPickList(QueryColumn column) {
        pickList.show(column, query());
    }

    /** Keeps only the sessions having the picked value. */
    public void pick(ValueCount value) {
        pickList.pick(value).ifPresent(queryState::replaceFilter);
    }

    public void closePickList() {
        pickList.close();
    }

    /** Asks for a value and keeps only the sessions whose column has exactly that value. */
    public void askFilter(QueryColumn column) {
        queryState.askFilter(column);
    }

    /** Hides or shows a standard column, remembered for this store. */
    public void showColumn(SessionColumn column, boolean shown) {
        columns.show(column, shown);
    }

    /** Adds a column for any field, by dotted path (as {@code pullRequest.state}); remembered for this store. */
    public void addColumn(String path) {
        columns.add(path);
    }

    public void removeColumn(FieldColumn column) {
        columns.remove(column);
    }

    /** Asks for a field path and adds it as a column. */
    public void askColumn() {
        columns.ask();
    }

    public void select(SessionRow row) {
        if (row != null && row.isLoaded()) {
            current.selectedKeyProperty().set(row.record().key());
        }
    }

    /** The selected rows as tab-separated lines with a header, of the columns given in their order, secrets masked, for the clipboard. */
    public String copyText(List<SessionRow> selected, List<? extends ShownColumn> shown) {
        String header = shown.stream().map(ShownColumn::header).collect(Collectors.joining("\t"));
        String lines = selected.stream().filter(SessionRow::isLoaded)
                .map(row -> shown.stream().map(column -> column.cellText(row)).collect(Collectors.joining("\t")))
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
        reads.announceNextRead();
        current.changed();
    }

    public void reload() {
        reads.reload();
    }

    /** A first page read, before the table shows it: what it says of the store (kind, fields, count) and its columns. */
    private void firstPageRead(SessionStore store, SessionQuery query, FirstPage first) {
        List<SessionRecord> records = first.page().records();
        if (query.search().isEmpty() && query.filters().isEmpty()) {
            searchPrompt.set(SearchPrompt.of(records));
            // a first page of chat sessions says nothing of the pages after it, which may hold Minsky's
            boolean wholeStore = records.size() >= first.page().totalMatching();
            current.listed(wholeStore ? SessionKind.commonTo(records) : Optional.empty());
            columns.offerFiltersOf(records);
        }
        columns.firstPageRead(records);
        columns.suggestFieldsOf(records);
        storeCounted.accept(store.locator(), first.storeTotal() >= 0 ? first.storeTotal() : first.page().totalMatching());
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
}
