package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.WhereFound;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * Where the table's search found each row's session ({@link WhereFound}), for the "Found in" column: asked for by the rows
 * the table shows only, found in the records their pages already hold, in the background, a batch of rows at a time.
 */
public final class FoundInRows {

    /** What the column shows of a row: its first place with the snippet, and every place, a line each (its tooltip). */
    public record Shown(String first, String every) {
    }

    /** Rows remembered of the current result: far more than a screen, as few as a scroll back needs. */
    private static final int KEPT = 2_000;

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    /** The search of the rows shown; null while none is active. */
    private SessionQuery query;
    /** By the row's place in the whole result: a record's own equality would hash its whole tree at each cell's update. */
    private final Map<Long, ReadOnlyObjectWrapper<Shown>> found = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ReadOnlyObjectWrapper<Shown>> eldest) {
            return size() > KEPT;
        }
    };
    private List<Asked> asked = new ArrayList<>();
    private boolean finding;

    private record Asked(SessionRecord record, ReadOnlyObjectWrapper<Shown> shown) {
    }

    FoundInRows(ReadOnlyObjectProperty<ObservableList<SessionRow>> rows, CurrentStore current, TaskExecutor executor) {
        this.executor = executor;
        rows.addListener((property, before, shown) -> searched(shown, current));
    }

    /** Whether the rows shown are a search's: the column is shown only then. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Where the search found a loaded row's session: null until it is known. */
    public ObservableValue<Shown> of(SessionRow row) {
        ReadOnlyObjectWrapper<Shown> shown = found.get(row.index());
        if (shown == null) {
            shown = new ReadOnlyObjectWrapper<>();
            found.put(row.index(), shown);
            if (query != null) {
                asked.add(new Asked(row.record(), shown));
                findAsked();
            }
        }
        return shown.getReadOnlyProperty();
    }

    /** Each new list of rows (a query, or the same read again) starts anew: its records may have changed. */
    private void searched(ObservableList<SessionRow> rows, CurrentStore current) {
        query = rows instanceof PagedSessionList paged && !paged.query().search().isEmpty() ? paged.query() : null;
        found.clear();
        asked = new ArrayList<>();
        active.set(query != null);
        current.tableSearchProperty().set(query == null ? "" : query.search());
    }

    /** One batch at a time, so that a page the table waits for is not queued behind a task per row. */
    private void findAsked() {
        if (finding || asked.isEmpty()) {
            return;
        }
        finding = true;
        List<Asked> batch = asked;
        asked = new ArrayList<>();
        SessionQuery searched = query;
        executor.execute(BackgroundTask.of("Find where the search found the sessions shown",
                        monitor -> batch.stream().map(row -> shown(WhereFound.in(searched, row.record()))).toList())
                .onSuccess(shown -> {
                    finding = false;
                    for (int row = 0; row < batch.size(); row++) {
                        batch.get(row).shown().set(shown.get(row));
                    }
                    findAsked();
                })
                .onFailure(failure -> {
                    // the column stays empty for these rows; the table itself reports a failed read
                    finding = false;
                    findAsked();
                }));
    }

    private static Shown shown(List<WhereFound.Place> places) {
        return places.isEmpty() ? new Shown("", "")
                : new Shown(places.get(0).text(), places.stream().map(WhereFound.Place::text).collect(Collectors.joining("\n")));
    }
}
