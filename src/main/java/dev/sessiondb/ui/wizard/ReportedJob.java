package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.ui.common.UndoStack;
import java.time.ZoneId;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * A finished job on its wizard page: the page shows the report, and the job's undo step goes on
 * the stack. Once the step is undone while the page still shows that report, the page says what the undo did (restored
 * the store, or removed the one the job created), instead of claiming a result and a backup that are gone; the status line
 * only says "Undone.", so the long sentence is read once.
 */
public final class ReportedJob {

    private ReportedJob() {
    }

    public static void show(JobReport report, JobSummary summary, ObjectProperty<JobSummary> page, StringProperty status,
                            UndoStack undo, BackupJournal journal) {
        show(report, summary, page, status, undo, journal, () -> { });
    }

    /** As {@link #show(JobReport, JobSummary, ObjectProperty, StringProperty, UndoStack, BackupJournal)}, then runs {@code undone} once the job is undone. */
    public static void show(JobReport report, JobSummary summary, ObjectProperty<JobSummary> page, StringProperty status,
                            UndoStack undo, BackupJournal journal, Runnable undone) {
        show(report, summary, summary::undone, page, status, undo, journal, undone);
    }

    /**
     * As {@link #show(JobReport, JobSummary, ObjectProperty, StringProperty, UndoStack, BackupJournal, Runnable)}, the page once
     * the job is undone being {@code afterUndo} of the undo's step and what the undo did.
     */
    public static void show(JobReport report, JobSummary summary, BiFunction<String, String, JobSummary> afterUndo, ObjectProperty<JobSummary> page,
                            StringProperty status, UndoStack undo, BackupJournal journal, Runnable undone) {
        page.set(summary);
        if (report.backupId().isEmpty()) {
            return;
        }
        JobUndoCommand step = JobUndoCommand.ofReport(report, journal, ZoneId.systemDefault());
        undo.record(step, command -> {
            if (page.get() == summary) {
                String whatUndoDid = command.whatUndoDid().orElseThrow();
                page.set(afterUndo.apply(step.description(), whatUndoDid));
                status.set("Undone.");
            }
            undone.run();
        });
    }
}
