package dev.sessiondb.job;

import dev.sessiondb.progress.ProgressMonitor;

/**
 * One user action over session stores, as a described command object: the CLI, the desktop
 * app's jobs panel and undo all work from this one shape.
 *
 * <p>{@link #plan()} (and {@link #dryRun()}, a plan only shown) reads, counts and warns, and never writes. {@link #run}
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
     * The plan of a dry run, which is shown and never run (a command's {@code --dry-run}): as {@link #plan()}, without what only
     * a later {@link #run} of the plan needs, such as the sources' write marks (a PostgreSQL source's scans its rows' versions).
     */
    default JobPlan dryRun() {
        return plan();
    }

    /** How a message names the store the job writes: "the target" a copy goes into; a job that changes its one store in place says "the store". */
    default String writtenStore() {
        return "the target";
    }

    /**
     * Does the work.
     *
     * @throws JobRefusedException when the plan refuses; nothing has been written then
     * @throws dev.sessiondb.progress.CancelledException when cancelled; every store is as it was
     */
    JobReport run(ProgressMonitor monitor);
}
