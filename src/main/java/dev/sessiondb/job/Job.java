package dev.sessiondb.job;

import dev.sessiondb.progress.ProgressMonitor;

/**
 * One user action over session stores, as a described command object: the CLI, the desktop
 * app's jobs panel and undo all work from this one shape.
 *
 * <p>{@link #plan()} is the dry run: it reads, counts and warns, and never writes. {@link #run}
 * does the work, reporting progress and stopping when the monitor asks; a job that writes to an
 * existing store backs it up first and names the backup in its report.</p>
 */
public interface Job {

    /** One line saying what the job will do, with stores named by their masked locators. */
    String description();

    /**
     * What running would do: counts, fields the target cannot hold, value coercions, warnings,
     * and why it would refuse, if it would.
     *
     * @throws JobRefusedException when the input is bad (a missing source, a target that exists without a mode)
     */
    JobPlan plan();

    /**
     * Does the work.
     *
     * @throws JobRefusedException when the plan refuses; nothing has been written then
     * @throws dev.sessiondb.progress.CancelledException when cancelled; every store is as it was
     */
    JobReport run(ProgressMonitor monitor);
}
