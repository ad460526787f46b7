package dev.sessiondb.ui.overview;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The store dashboard: statistics counted in the background, and the findings a user should look at first. */
public final class OverviewViewModel {

    private final ReadOnlyObjectWrapper<StoreStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No store open.");
    private final ObservableList<String> findings = FXCollections.observableArrayList();

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private long generation;

    public OverviewViewModel(CurrentStore current, TaskExecutor executor, DialogService dialogs) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        current.storeProperty().addListener((property, before, after) -> refresh());
        current.revisionProperty().addListener((property, before, after) -> refresh());
    }

    // Properties

    public ReadOnlyObjectProperty<StoreStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    /** What the dashboard is doing, or which store it shows. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The top things to check in this store, worst first. */
    public ObservableList<String> findings() {
        return findings;
    }

    // Commands

    public void refresh() {
        long mine = ++generation;
        SessionStore store = current.store();
        statistics.set(null);
        findings.clear();
        if (store == null) {
            status.set("No store open.");
            return;
        }
        status.set("Counting " + store.locator().display() + " …");
        executor.execute(BackgroundTask.of("Overview of " + store.locator().display(), monitor -> StoreStatistics.of(store, monitor))
                .showInJobs()
                .onSuccess(counted -> {
                    if (mine == generation) {
                        statistics.set(counted);
                        findings.setAll(findingsOf(counted));
                        status.set(store.locator().display());
                    }
                })
                .onCancelled(() -> status.set("Counting cancelled; press F5 to count again."))
                .onFailure(failure -> {
                    status.set("Cannot count this store.");
                    dialogs.showError("Cannot read " + store.locator().display(), failure.getMessage());
                }));
    }

    static List<String> findingsOf(StoreStatistics counted) {
        List<String> lines = new ArrayList<>();
        if (counted.unparseableDates() > 0) {
            lines.add(String.format("%,d created dates do not parse (they break migrations)", counted.unparseableDates()));
        }
        for (List<String> spellings : counted.repoSpellings()) {
            lines.add("One repository spelled " + spellings.size() + " ways: " + String.join(", ", spellings));
        }
        if (counted.withoutTaskId() > 0) {
            lines.add(String.format("%,d of %,d sessions have no task id (some migrations skip them)", counted.withoutTaskId(), counted.total()));
        }
        return lines;
    }
}
