package dev.sessiondb.ui.overview;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The store dashboard: statistics counted in the background, and the validation engine's top
 * findings when the user asks for them. The checks read every session (seconds on a large
 * store), so they never run on their own: not on open, refresh or after a save. The count reads
 * every session too, so it runs only while the dashboard is shown: counted behind the sessions
 * table, a million-session store's first page waited for the CPU it took.
 */
public final class OverviewViewModel {

    private final ReadOnlyObjectWrapper<StoreStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No store open.");
    private final ObservableList<FindingSummary> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper findingsStatus = new ReadOnlyStringWrapper("");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private static final int TOP_FINDINGS = 8;
    public static final String NOT_CHECKED = "The validation checks read every session: press Run the checks when you want them.";

    private long generation;
    private boolean checked;
    /** The store changed while the dashboard was hidden: it counts when shown. */
    private boolean stale;

    public OverviewViewModel(CurrentStore current, TaskExecutor executor, DialogService dialogs) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        current.storeProperty().addListener((property, before, after) -> {
            findings.clear();
            checked = false;
            refreshWhenShown();
        });
        current.revisionProperty().addListener((property, before, after) -> refreshWhenShown());
        showing.addListener((property, before, shown) -> {
            if (shown && stale) {
                refresh();
            }
        });
    }

    // Properties

    public ReadOnlyObjectProperty<StoreStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    /** Whether the dashboard is on screen (the window binds it to its tab); true until told otherwise. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** What the dashboard is doing, or which store it shows. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The top things to check in this store, worst first. */
    public ObservableList<FindingSummary> findings() {
        return findings;
    }

    /** Whether the validation checks ran, are running, or are out of date. */
    public ReadOnlyStringProperty findingsStatusProperty() {
        return findingsStatus.getReadOnlyProperty();
    }

    // Commands

    /** Shows a finding's example session in the detail pane. */
    public void showExample(FindingSummary finding) {
        if (finding != null && finding.exampleSession() != null && !finding.exampleSession().isEmpty()) {
            current.selectedKeyProperty().set(finding.exampleSession());
        }
    }

    /** Counts the store again; findings already shown stay, marked out of date. */
    public void refresh() {
        stale = false;
        long mine = ++generation;
        SessionStore store = current.store();
        statistics.set(null);
        findingsStatus.set(checked ? "The store changed since the checks ran: press Run the checks to see what is left." : NOT_CHECKED);
        if (store == null) {
            status.set("No store open.");
            return;
        }
        status.set("Counting " + store.locator().display() + " …");
        executor.execute(BackgroundTask.of("Overview of " + store.locator().display(), monitor -> StoreStatistics.of(store, monitor))
                .onSuccess(counted -> {
                    if (mine == generation) {
                        statistics.set(counted);
                        status.set(store.locator().display());
                    }
                })
                .onCancelled(stopped -> status.set("Counting cancelled; press F5 to count again."))
                .onFailure(failure -> {
                    if (mine == generation) { // a store closed meanwhile is no news
                        status.set("Cannot count this store.");
                        dialogs.showError("Cannot read " + store.locator().display(), failure.getMessage());
                    }
                }));
    }

    private void refreshWhenShown() {
        if (showing.get()) {
            refresh();
        } else {
            stale = true;
            generation++; // a count under way is of the store as it was
            statistics.set(null);
        }
    }

    /** Runs every validation check over the open store, listed in the jobs panel with cancel. */
    public void runChecks() {
        SessionStore store = current.store();
        if (store == null) {
            return;
        }
        long mine = generation;
        findings.clear();
        checked = true;
        findingsStatus.set("Running the validation checks …");
        executor.execute(BackgroundTask.of("Validate " + StoreNames.shortName(store.locator()), monitor -> FindingSummary.of(store, monitor))
                .showInJobs()
                .onSuccess(summaries -> {
                    if (mine == generation) {
                        findings.setAll(summaries.stream().limit(TOP_FINDINGS).toList());
                        findingsStatus.set(summaries.isEmpty() ? "The validation checks found nothing."
                                : "Top findings of the validation checks (click one to see its example session):");
                    }
                })
                .onCancelled(stopped -> findingsStatus.set("Validation cancelled; press Run the checks to run it again."))
                .onFailure(failure -> {
                    if (mine == generation) {
                        findingsStatus.set("Validation failed: " + failure.getMessage());
                    }
                }));
    }
}
