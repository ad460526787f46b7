package dev.sessiondb.ui.wizard.repeats;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.wizard.JobSummary;
import dev.sessiondb.ui.wizard.ReportedJob;
import dev.sessiondb.ui.wizard.WizardJobRun;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A JSON file that would not open because sessions repeat in it: which keys repeat and where, what the repair removes
 * (the repeats identical to their session's first record) and what it leaves for a person (the repeats that differ, with
 * what to edit). The repair is {@code sessiondb repair}'s own job: a backup first, undo from the History or Ctrl+Z.
 */
public final class RepeatedSessionsViewModel {

    private final ObservableList<RepeatRow> repeats = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whatToDo = new ReadOnlyStringWrapper("");
    /** Whether the shown file has identical repeats not yet removed. */
    private final ReadOnlyBooleanWrapper removable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<JobSummary> result = new ReadOnlyObjectWrapper<>();
    /** True while the repair runs, as a wizard is busy while its job runs. */
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final WizardJobRun jobRun;
    private final ReadOnlyStringWrapper status;

    private final DialogService dialogs;
    private final UndoStack undo;
    private final BackupJournal journal;
    private final Consumer<StoreLocator> open;
    private StoreLocator shown;

    /**
     * @param open     opens the file once no session repeats in it, and after an undo of the repair, which brings its repeats back here
     * @param uiThread where the progress changes: the JavaFX thread in the app, the calling thread in tests
     */
    public RepeatedSessionsViewModel(TaskExecutor executor, DialogService dialogs, UndoStack undo, BackupJournal journal,
                                     Consumer<StoreLocator> open, Executor uiThread) {
        this.jobRun = new WizardJobRun(busy, executor, dialogs, undo, uiThread, this::notRemoved);
        this.status = jobRun.status();
        this.dialogs = dialogs;
        this.undo = undo;
        this.journal = journal;
        this.open = open;
    }

    // Properties

    /** Every repeat of the file, in file order. */
    public ObservableList<RepeatRow> repeats() {
        return repeats;
    }

    /** The file shown, empty before one failed to open. */
    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the user does about the repeats the repair leaves; empty when it leaves none. */
    public ReadOnlyStringProperty whatToDoProperty() {
        return whatToDo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canRemove() {
        return removable.and(busy.not());
    }

    /** What the repair did. */
    public ReadOnlyObjectProperty<JobSummary> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The repair's run: why it waits, its progress and Cancel. */
    public WizardJobRun jobRun() {
        return jobRun;
    }

    // Commands

    /** Shows the repeats of a file that would not open because of them; nothing is written. */
    public void show(StoreLocator locator, RepeatedSessionsException repeated) {
        if (!locator.equals(shown)) { // the same file's last repair stays shown: an undo of it is why its repeats are back
            result.set(null);
        }
        shown = locator;
        file.set(repeated.file());
        repeats.setAll(repeated.repeats().stream().map(RepeatRow::of).toList());
        long identical = repeats.stream().filter(RepeatRow::removed).count();
        long differing = repeats.size() - identical;
        removable.set(identical > 0);
        whatToDo.set(differing == 0 ? "" : whatToDo(differing));
        status.set(String.format("%s cannot be opened: %,d %s the session of an earlier record. %s", repeated.file(), repeats.size(),
                repeats.size() == 1 ? "record repeats" : "records repeat",
                identical == 0 ? "None is identical to its session's first record, so the repair removes none."
                        : String.format("Removing the %,d identical %s loses nothing; the file is backed up first, and Undo puts %s back.",
                        identical, identical == 1 ? "repeat" : "repeats", identical == 1 ? "it" : "them")));
    }

    /** Runs the repair: the file is backed up, then written without its identical repeats; every other byte stays. */
    public void removeIdentical() {
        StoreLocator locator = shown;
        if (locator == null || !canRemove().get() || jobRun.undoRuns()) {
            return;
        }
        result.set(null);
        jobRun.tasks().runJob("Remove repeated sessions of " + locator.path().getFileName(), "Backing up, then removing the identical repeats …",
                monitor -> RepairJob.removingRepeats(locator, journal).run(jobRun.progress().follow(monitor)), report -> {
                    removable.set(false);
                    done(locator, report);
                }, this::notRemoved);
    }

    private void notRemoved(Exception failure) {
        status.set("Nothing was removed: " + FailureText.describe(failure));
        dialogs.showError("Could not remove the repeated sessions", FailureText.describe(failure));
    }

    private void done(StoreLocator locator, JobReport report) {
        long removed = RepairJob.repeatsRemoved(report);
        String headline = String.format("Removed %,d identical %s", removed, removed == 1 ? "repeat" : "repeats");
        boolean opens = RepairJob.leftForAPerson(report) == 0;
        // the repeats that stay are in the table, with what to edit: the summary says what was done and where its backup is
        ReportedJob.show(report, new JobSummary(headline, opens ? JobSummary.Tone.GOOD : JobSummary.Tone.WARNING, report.counts(),
                report.backupId().map(id -> JobSummary.backupLine(id, journal.backupsDir())).stream().toList()), result, status, undo, journal, () -> open.accept(locator));
        repeats.removeIf(RepeatRow::removed);
        if (opens) {
            status.set(headline + ". No session repeats now: the file is open.");
            open.accept(locator);
        } else {
            status.set(headline + ". The file still does not open: the repeats below differ from their sessions' first records.");
        }
    }

    private String whatToDo(long differing) {
        return String.format("%,d %s (marked Stays) %s, so only you can choose which record to keep: in a text editor delete the one"
                + " you do not keep (the table gives each record's line) with the comma before it, save, then open the file again."
                + " On a command line, sessiondb validate %s lists them too.", differing, differing == 1 ? "repeat" : "repeats",
                differing == 1 ? "differs from its session's first record" : "differ from their sessions' first records", shellWord(file.get()));
    }

    /** The file as a shell takes it, quoted when it holds a space or another character a shell reads. */
    private static String shellWord(String path) {
        return path.matches("[\\w./:+,=@-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
