package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldPath;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The sessions table's columns: the standard ones hidden and the fields added, remembered per store ({@link ColumnChoices}),
 * a store's first columns by its sessions' kind until the user chooses ({@link KindColumns}), the fields the column chooser
 * suggests and the columns the Filter menu offers.
 */
final class SessionColumns {

    private final ObservableList<String> hidden = FXCollections.observableArrayList();
    private final ObservableList<FieldColumn> added = FXCollections.observableArrayList();
    private final ObservableList<String> fieldsFound = FXCollections.observableArrayList();
    private final ObservableList<QueryColumn> filterable = FXCollections.observableArrayList(SessionColumn.values());
    /** The standard columns among {@link #filterable}: every one but those empty in the store's sessions. */
    private List<SessionColumn> filterableStandard = List.of(SessionColumn.values());
    /** Until the first page of a store the user chose no columns for: its columns are then its sessions' kind's ({@link KindColumns}). */
    private boolean byKind;

    private final CurrentStore current;
    private final DialogService dialogs;
    private final ColumnChoices choices;

    SessionColumns(CurrentStore current, DialogService dialogs, ColumnChoices choices) {
        this.current = current;
        this.dialogs = dialogs;
        this.choices = choices;
        added.addListener((ListChangeListener<FieldColumn>) change -> showFilterable());
    }

    ObservableList<String> hidden() {
        return hidden;
    }

    ObservableList<FieldColumn> added() {
        return added;
    }

    ObservableList<String> fieldsFound() {
        return fieldsFound;
    }

    ObservableList<QueryColumn> filterable() {
        return filterable;
    }

    /** The columns another store was shown with last, or its kind's once its first page is read. */
    void showFor(SessionStore store) {
        Optional<ColumnChoices.Choice> chosen = store == null ? Optional.empty() : choices.of(storeName(store));
        show(chosen.orElse(ColumnChoices.Choice.DEFAULT));
        byKind = store != null && chosen.isEmpty();
    }

    /** The Filter menu offers the standard columns these sessions (the store's first page, unfiltered) have values in. */
    void offerFiltersOf(List<SessionRecord> firstPage) {
        filterableStandard = KindColumns.filterable(firstPage);
        showFilterable();
    }

    /** A store's first page read: its sessions' kind's columns, if the user chose none for the store. */
    void firstPageRead(List<SessionRecord> firstPage) {
        if (byKind) {
            byKind = false;
            show(KindColumns.of(firstPage));
        }
    }

    /** The fields of a page read that are not a column yet, for the column chooser. */
    void suggestFieldsOf(List<SessionRecord> page) {
        fieldsFound.setAll(FieldPath.pathsOf(page).stream()
                .filter(path -> added.stream().noneMatch(column -> column.path().equals(path))).toList());
    }

    /** Whether a column, standard or added, sorts by {@code key}: its header or "Sort by" shows the order. */
    boolean showsSort(SortKey key) {
        return Stream.concat(Stream.of(SessionColumn.values()), added.stream().flatMap(column -> column.queried().stream()))
                .anyMatch(column -> column.sortKey() == key);
    }

    void show(SessionColumn column, boolean shown) {
        if (shown == hidden.contains(column.id())) {
            if (shown) {
                hidden.remove(column.id());
            } else {
                hidden.add(column.id());
            }
            remember();
        }
    }

    void add(String path) {
        String clean = path == null ? "" : path.strip();
        if (clean.isEmpty() || clean.startsWith(".") || clean.endsWith(".") || clean.contains("..")) {
            dialogs.showError("Cannot add the column " + clean, "A field path is a field name, or names joined by dots as in pullRequest.state");
            return;
        }
        if (added.stream().noneMatch(column -> column.path().equals(clean))) {
            added.add(new FieldColumn(clean));
            fieldsFound.remove(clean);
            remember();
        }
    }

    void remove(FieldColumn column) {
        if (added.remove(column)) {
            remember();
        }
    }

    void ask() {
        dialogs.askText("Add a column", "Field, as status or pullRequest.state (nested fields joined by dots)", "")
                .ifPresent(this::add);
    }

    private void show(ColumnChoices.Choice choice) {
        hidden.setAll(choice.hidden());
        added.setAll(choice.added().stream().map(FieldColumn::new).toList());
    }

    private void showFilterable() {
        filterable.setAll(Stream.concat(filterableStandard.stream(), added.stream().flatMap(column -> column.queried().stream())).toList());
    }

    private void remember() {
        SessionStore store = current.store();
        if (store != null) {
            choices.remember(storeName(store), new ColumnChoices.Choice(List.copyOf(hidden), added.stream().map(FieldColumn::path).toList()));
        }
    }

    private static String storeName(SessionStore store) {
        return store.locator().withoutPassword().display();
    }
}
