package dev.sessiondb.ui.history;

import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.repair.RepairedSession;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.ChangedSessions;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.wizard.JobUndoCommand;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job history from the app catalog, and the undo history of the open store: when a store
 * is shown, the jobs whose backups can still be put back on it become its undo stack, so
 * Ctrl+Z after opening the target of a migration takes the migration back (after asking).
 */
public final class HistoryViewModel {

    /** How many jobs the view lists; the command line's {@code history --limit} reaches further. */
    static final int LIMIT = 500;

    static final String NONE_SELECTED = "Select a job to read it whole here: when it ran and ended, its stores, whether it was undone"
            + " and by what, why it stopped, its counts, backup and report.";

    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>();
    private final CurrentStore current;
    private final BackupJournal journal;
    private final UndoStack undo;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final ChangedSessions changedSessions;

    public HistoryViewModel(CurrentStore current, BackupJournal journal, UndoStack undo, TaskExecutor executor, DialogService dialogs, ZoneId zone) {
        this.current = current;
        this.journal = journal;
        this.undo = undo;
        this.executor = executor;
        this.dialogs = dialogs;
        this.zone = zone;
        this.changedSessions = new ChangedSessions(executor, current);
        selected.addListener((property, before, after) -> listChangedSessions(after));
        current.storeProperty().addListener((property, before, after) -> {
            // closing the store is also how the window ends, when the executor takes no more work
            if (after != null) {
                storeShown(after);
            }
        });
        current.revisionProperty().addListener((property, before, after) -> refresh());
    }

    public ObservableList<HistoryRow> rows() {
        return rows;
    }

    public ObjectProperty<HistoryRow> selectedProperty() {
        return selected;
    }

    /**
     * The catalog could only be opened read-only, as the command line's history warns (empty otherwise): the list is what it
     * last recorded, and every Undo refuses (the undo stack keeps it), since an undo it cannot record could not be listed or undone again here.
     */
    public ReadOnlyStringProperty readOnlyCatalogProperty() {
        return undo.catalogReadOnlyProperty();
    }

    /** Why Undo selected job waits now (a job writing stores), or empty: it refuses, saying so. */
    public ReadOnlyStringProperty undoWaitProperty() {
        return undo.undoWaitProperty();
    }

    /** The selected job's whole story (see {@link RunStory}), or what selecting one shows while none is. */
    public StringBinding selectedStory() {
        return Bindings.createStringBinding(() -> selected.get() == null ? NONE_SELECTED : selected.get().story(), selected);
    }

    /** The sessions the selected repair changed, from its saved report; none for another job. */
    public ChangedSessions changedSessions() {
        return changedSessions;
    }

    /** The selected job (or undo, which can itself be undone) took a backup that nobody has put back yet, and no undo is running. */
    public BooleanBinding canUndoSelected() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().job().undoableFromHistory() && !undo.undoRunningProperty().get(),
                selected, undo.undoRunningProperty());
    }

    /**
     * Why Undo selected job is off for the selected job, said beside it (a disabled button shows no tooltip); empty while
     * none is selected or it can be undone.
     */
    public StringBinding whyNotUndoable() {
        return Bindings.createStringBinding(() -> {
            HistoryRow row = selected.get();
            if (row == null) {
                return "";
            }
            PastJob job = row.job();
            if (undo.undoRunningProperty().get()) {
                return "An undo is running: wait for it to end.";
            }
            if (job.undoableFromHistory()) {
                return "";
            }
            if (job.undoneAt().isPresent()) {
                return "Already undone at " + row.undone() + ": to bring it back, undo that undo (its row above).";
            }
            return job.kind().equals("edit-undo") ? "An edit's undo cannot be taken back here: edit the session again."
                    : "This run took no backup, so there is nothing to put back.";
        }, selected, undo.undoRunningProperty());
    }

    /** Reads the history again (after a job, an undo, a reload, or when asked), and the open store's undoable jobs with it. */
    public void refresh() {
        if (current.isOpen()) {
            storeShown(current.store()); // a job or undo run since (here or from the command line) changes what Ctrl+Z offers
            return;
        }
        executor.execute(BackgroundTask.of("Reading the job history", monitor -> reading(reader -> reader.jobs(Optional.empty(), LIMIT)))
                .onSuccess(read -> {
                    undo.catalogRead(read.readOnlyCatalog());
                    show(read.value());
                })
                .onFailure(failure -> dialogs.showError("Could not read the job history", failure.getMessage())));
    }

    /** Puts back the backup the selected job took, after the user confirms; the views refresh when it is done. */
    public void undoSelected() {
        HistoryRow row = selected.get();
        if (row == null || !row.job().undoableFromHistory()) {
            dialogs.notify("Choose a job that can still be undone");
            return;
        }
        undo.undo(JobUndoCommand.ofPastJob(row.job(), journal, zone));
    }

    /**
     * Lists the sessions the repair of {@code row} changed, read off the FX thread from the report its entry names (a report
     * can be large); a report gone or unreadable says so. A repair that stopped before its report lists none: its story says why.
     */
    private void listChangedSessions(HistoryRow row) {
        changedSessions.clear();
        if (row == null || !row.job().kind().equals("repair") || row.job().reportPath().isEmpty()) {
            return;
        }
        PastJob job = row.job();
        String report = job.reportPath().get();
        executor.execute(BackgroundTask.of("Reading the report of " + job.runId(), monitor -> RepairedSession.inSavedReport(Path.of(report)))
                .onSuccess(listed -> {
                    if (selected.get() == row) {
                        changedSessions.listed(job.runId(), repairedStore(job), listed, RepairedSession.count(job.counts()),
                                row.undone().isEmpty() ? null : row.undone());
                    }
                })
                .onFailure(failure -> {
                    if (selected.get() == row) {
                        changedSessions.unlisted("The sessions this repair changed cannot be listed: its report " + report
                                + (failure instanceof NoSuchFileException ? " is missing (moved, deleted or pruned)." : " could not be read: " + FailureText.describe(failure)));
                    }
                }));
    }

    /** The store the repair wrote, or null when its entry names none the window can read (the sessions then say to open it). */
    private static StoreLocator repairedStore(PastJob job) {
        try {
            return job.target().map(StoreLocator::parse).orElse(null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The store's undo stack and the list, from one reading of the catalog. */
    private void storeShown(SessionStore store) {
        executor.execute(BackgroundTask.of("Reading the undo history of " + store.locator().display(), monitor -> reading(reader -> reader.read(
                history -> new StoreHistory(history.undoable(store.locator()), history.list(Optional.empty(), LIMIT)),
                new StoreHistory(List.of(), List.of()))))
                .onSuccess(read -> {
                    if (current.store() == store) {
                        undo.catalogRead(read.readOnlyCatalog());
                        undo.addStoreHistory(commands(read.value().undoable()));
                        show(read.value().jobs());
                    }
                })
                .onFailure(failure -> dialogs.notify("The undo history could not be read: " + failure.getMessage())));
    }

    private void show(List<PastJob> jobs) {
        String keep = selected.get() == null ? null : selected.get().job().runId();
        Map<String, String> storeNames = StoreNames.distinctNames(jobs.stream()
                .flatMap(job -> Stream.concat(job.sources().stream(), job.target().stream())).toList());
        rows.setAll(jobs.stream().map(job -> HistoryRow.of(job, zone, storeNames::get)).toList());
        selected.set(rows.stream().filter(row -> row.job().runId().equals(keep)).findFirst().orElse(null));
    }

    private record StoreHistory(List<PastJob> undoable, List<PastJob> jobs) {
    }

    /** What a query read, and what the catalog's reader said of a catalog it could only open read-only (empty if nothing). */
    private record Reading<T>(T value, String readOnlyCatalog) {
    }

    /** Asks the catalog, with a reader of its own: each reading tells afresh whether the catalog can be written now. */
    private <T> Reading<T> reading(Function<HistoryReader, T> query) {
        AtomicReference<String> readOnly = new AtomicReference<>("");
        T value = query.apply(new HistoryReader(journal, notice -> readOnly.set(readOnlyInWindowWords(notice))));
        return new Reading<>(value, readOnly.get());
    }

    /** The reader's notice ("the catalog … cannot be written …; to record them, make both writable …"), and what it means here. */
    private static String readOnlyInWindowWords(String notice) {
        String advice = FailureText.inWindowWords(notice);
        return Character.toUpperCase(advice.charAt(0)) + advice.substring(1) + ", then Refresh; meanwhile Undo (Ctrl+Z) and Undo selected job"
                + " refuse, as an undo the history cannot record could not be listed or undone again here.";
    }

    /** Oldest first, so the newest job is on top of the stack. */
    private List<JobUndoCommand> commands(List<PastJob> newestFirst) {
        List<JobUndoCommand> commands = new ArrayList<>(newestFirst.stream().map(job -> JobUndoCommand.ofPastJob(job, journal, zone)).toList());
        Collections.reverse(commands);
        return commands;
    }
}
