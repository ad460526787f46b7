package dev.sessiondb.ui.overview;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The store dashboard: statistics counted in the background, then the validation engine's top findings. */
public final class OverviewViewModel {

    private final ReadOnlyObjectWrapper<StoreStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No store open.");
    private final ObservableList<FindingSummary> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper findingsStatus = new ReadOnlyStringWrapper("");

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private static final int TOP_FINDINGS = 8;

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
    public ObservableList<FindingSummary> findings() {
        return findings;
    }

    /** Whether the validation checks are still running. */
    public ReadOnlyStringProperty findingsStatusProperty() {
        return findingsStatus.getReadOnlyProperty();
    }

    // Commands

    public void refresh() {
        long mine = ++generation;
        SessionStore store = current.store();
        statistics.set(null);
        findings.clear();
        findingsStatus.set("");
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
                        status.set(store.locator().display());
                        validate(store, mine);
                    }
                })
                .onCancelled(() -> status.set("Counting cancelled; press F5 to count again."))
                .onFailure(failure -> {
                    if (mine == generation) { // a store closed meanwhile is no news
                        status.set("Cannot count this store.");
                        dialogs.showError("Cannot read " + store.locator().display(), failure.getMessage());
                    }
                }));
    }

    private void validate(SessionStore store, long mine) {
        findingsStatus.set("Running the validation checks …");
        executor.execute(BackgroundTask.of("Validate " + store.locator().display(), monitor -> FindingSummary.of(store, monitor))
                .showInJobs()
                .onSuccess(summaries -> {
                    if (mine == generation) {
                        findings.setAll(summaries.stream().limit(TOP_FINDINGS).toList());
                        findingsStatus.set(summaries.isEmpty() ? "The validation checks found nothing." : "Top findings of the validation checks:");
                    }
                })
                .onCancelled(() -> findingsStatus.set("Validation cancelled; press F5 to run it again."))
                .onFailure(failure -> {
                    if (mine == generation) {
                        findingsStatus.set("Validation failed: " + failure.getMessage());
                    }
                }));
    }
}
