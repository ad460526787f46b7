package dev.sessiondb.job.backup;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A job's run, entered in the history when first asked for and the same run on every later ask:
 * a job whose write may begin before its plan is known (a new store built out of sight) enters it
 * there, and its plan check then fills the same report. A run the user cancels before it is
 * entered, while its stores are read, is entered then and ended cancelled, so the history keeps
 * every run the user asked for and stopped (nothing was written, so nothing offers undo). A plan
 * refused or a source unreadable before that leaves no entry: no run began.
 */
public final class RunStart implements Supplier<JobReport.Builder> {

    private final BackupJournal journal;
    private final String job;
    private final String description;
    private final List<StoreLocator> sources;
    private final StoreLocator target;
    private JobReport.Builder started;

    RunStart(BackupJournal journal, String job, String description, List<StoreLocator> sources, StoreLocator target) {
        this.journal = journal;
        this.job = job;
        this.description = description;
        this.sources = sources;
        this.target = target;
    }

    @Override
    public JobReport.Builder get() {
        if (started == null) {
            started = journal.startRun(job, description, sources, target);
        }
        return started;
    }

    /** Runs the job's reading and writing; a cancel before the run was entered enters it, ended cancelled. */
    public <T> T listingACancel(Supplier<T> run) {
        try {
            return run.get();
        } catch (CancelledException cancelled) {
            if (started == null) {
                journal.endCancelledBeforeWriting(get().runId());
            }
            throw cancelled;
        }
    }
}
