package dev.sessiondb.cli;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.ProgressTracker;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job for a command: the plan for a dry run, else the job with a progress bar, then
 * the report. Ctrl-C cancels the job, which rolls back, before the process ends.
 */
final class JobRunner {

    private static final long ROLLBACK_WAIT_SECONDS = 30;

    private JobRunner() {
    }

    static int dryRun(Job job, OutputFormat format, PrintWriter out) {
        JobPlan plan = job.plan();
        JobPrinter.print(plan, format, out);
        return plan.refusal().isPresent() ? SessionDbCommand.BAD_INPUT : SessionDbCommand.OK;
    }

    static int run(Job job, OutputFormat format, PrintWriter out) {
        return run(job, format, out, null);
    }

    /** @param reportsDir where the job saves its report, to print the file's path; null prints the run id only */
    static int run(Job job, OutputFormat format, PrintWriter out, java.nio.file.Path reportsDir) {
        ProgressTracker tracker = new ProgressTracker();
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> {
            tracker.cancel();
            awaitQuietly(finished);
        }, "sessiondb-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try (TerminalProgress bar = new TerminalProgress(System.err)) {
            if (TerminalProgress.stderrIsTerminal()) {
                tracker.addListener(bar);
            }
            JobReport report = job.run(tracker);
            bar.close();
            JobPrinter.print(report, reportsDir == null ? report.runId() : reportsDir.resolve(report.runId() + ".json").toString(), format, out);
            return report.outcome() == JobReport.Outcome.COMPLETED ? SessionDbCommand.OK : SessionDbCommand.FOUND;
        } finally {
            finished.countDown();
            removeHook(cancelOnInterrupt);
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(ROLLBACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it waits for this job, which is now finished
        }
    }
}
