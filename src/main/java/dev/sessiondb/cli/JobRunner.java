package dev.sessiondb.cli;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.job.backup.BackupKept;
import dev.sessiondb.job.transfer.SourceReadException;
import dev.sessiondb.job.transfer.Verification;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLeftoversException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs a job for a command: the plan for a dry run, else the job with a progress bar, then
 * the report. Ctrl-C cancels the job (or an undo), which rolls back, before the process ends.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long ROLLBACK_WAIT_SECONDS = 30;

    private JobRunner() {
    }

    /** Prints the plan; a refused one exits 2, and with {@code --format json} says why on stderr too, as a failed run would. */
    static int dryRun(Job job, OutputFormat format, CommandLine line) {
        JobPlan plan = job.dryRun();
        JobPrinter.print(plan, format, line.getOut());
        line.getOut().flush();
        FailureReport failure = FailureReport.of(line);
        plan.refusal().filter(refused -> failure.json())
                .ifPresent(refused -> failure.failed(line.getCommandName(), SecretMasker.maskText(null, refused.text()), SessionDbCommand.BAD_INPUT, null));
        return plan.refusal().isPresent() ? SessionDbCommand.BAD_INPUT : SessionDbCommand.OK;
    }

    /**
     * Runs the job with a progress bar; Ctrl-C (or SIGTERM, SIGHUP) cancels it, see {@link #cancellable}.
     *
     * @param reportsDir where the job saves its report, to print the file's path
     */
    static int run(Job job, OutputFormat format, CommandLine line, Path reportsDir) {
        return run(job, format, line, reportsDir, JobRunner::exitCode);
    }

    /** As {@link #run(Job, OutputFormat, CommandLine, java.nio.file.Path)}, the exit code of a finished job given by {@code exitCode}. */
    static int run(Job job, OutputFormat format, CommandLine line, Path reportsDir, ToIntFunction<JobReport> exitCode) {
        return cancellable(line, job.description(), (tracker, bar) -> {
            JobReport report = runTranslatingFaults(job, tracker);
            bar.close();
            JobPrinter.print(report, reportsDir.resolve(report.fileName()).toString(), format, line.getOut());
            return exitCode.applyAsInt(report);
        });
    }

    /** 0 for a job that completed, 1 for one done with problems its warnings name. */
    static int exitCode(JobReport report) {
        return report.outcome() == JobReport.Outcome.COMPLETED ? SessionDbCommand.OK : SessionDbCommand.FOUND;
    }

    /** Work that reports to the tracker, stops when it asks, closes the bar before printing, and returns its exit code. */
    @FunctionalInterface
    interface CancellableWork {
        int run(ProgressTracker tracker, TerminalProgress bar);
    }

    /**
     * Runs {@code work} (a job, an undo) with a progress bar; Ctrl-C (or SIGTERM, SIGHUP) cancels it. The
     * shutdown hook that cancels waits until this has printed how the work ended (its result, or
     * one line saying it was cancelled) and then ends the process with that exit code: work that
     * finished anyway exits as finished, and the JVM's own ending can neither cut the line off
     * nor say 130 after "Done.". Cancelled work exits 130 after Ctrl-C, 143 after SIGTERM, 129 after SIGHUP;
     * work that does not end within the wait is ended all the same, with one line saying so.
     */
    static int cancellable(CommandLine line, String description, CancellableWork work) {
        StopSignal.install();
        ProgressTracker tracker = new ProgressTracker();
        CountDownLatch printed = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger();
        Thread cancelOnInterrupt = new Thread(() -> {
            tracker.cancel();
            if (awaitQuietly(printed)) {
                Runtime.getRuntime().halt(exitCode.get());
            }
            // never end without a word: every store is written in transactions or replaced whole, so what the halt leaves is valid
            FailureReport.of(line).failed(line.getCommandName(), description + " did not stop within " + ROLLBACK_WAIT_SECONDS
                    + " s of the signal and was ended; the store is valid as its last commit left it; see sessiondb history", StopSignal.exitCode(), null);
            Runtime.getRuntime().halt(StopSignal.exitCode());
        }, "sessiondb-cancel");
        SignalOutsideWork.workStarts(cancelOnInterrupt);
        try (TerminalProgress bar = new TerminalProgress(line)) {
            if (bar.draws()) {
                tracker.addListener(bar);
            }
            try {
                exitCode.set(work.run(tracker, bar));
            } catch (CancelledException cancelled) {
                bar.close();
                LOG.info("{}: cancelled", description);
                exitCode.set(StopSignal.exitCode());
                FailureReport.of(line).failed(line.getCommandName(), cancelled.getMessage(), exitCode.get(), null);
            }
            SignalOutsideWork.workEnded(exitCode.get());
            return exitCode.get();
        } finally {
            printed.countDown();
            removeHook(cancelOnInterrupt);
        }
    }

    /**
     * A job that stops on a fault (a lost connection, a locked file, a full disk) or on something
     * unforeseen fails with one line naming the job's stores, the fault, what became of the target,
     * and what to do. Bad input is already one such line from the store, naming file and position.
     */
    private static JobReport runTranslatingFaults(Job job, ProgressTracker tracker) {
        try {
            return job.run(tracker);
        } catch (JobRefusedException | CancelledException expected) {
            throw expected;
        } catch (RuntimeException failure) {
            Optional<SourceReadException> fromSource = SourceReadException.in(failure);
            // bad input is one line from the store already; a source's read is marked, and what it met is what counts
            Throwable met = fromSource.<Throwable>map(Throwable::getCause).orElse(failure);
            if (met instanceof StoreException && StoreFaults.of(failure).isEmpty()) {
                throw failure;
            }
            String phase = tracker.snapshot().phase();
            String written = job.writtenStore();
            String target = Verification.IN_PLACE.equals(phase)
                    ? written + " was written but its check did not finish: compare it with sessiondb diff before using it"
                    : BackupKept.in(failure).map(backup -> written + " may have changed (a write that stopped while committing may or may not have"
                            + " taken effect, and neither the server nor a look at it told which); compare it with sessiondb diff, or put it back with"
                            + " sessiondb undo " + backup)
                    .or(() -> StoreLeftoversException.in(failure))
                    .orElse(written + " was not changed (its write is one transaction, or a new file put in place only when complete)");
            String fault = StoreFaults.of(failure).map(found -> found.what() + "; " + target + "; " + found.todo())
                    .orElseGet(() -> StoreFaults.describe(failure) + "; " + target + "; run with --debug for details");
            // a one-pass write reads the source as it writes the target: a failure of the read is the source's, whatever the phase
            String stopped = fromSource.map(read -> "reading the source" + (fault.startsWith(read.source() + ": ") ? "" : " " + read.source()))
                    .orElse(phase);
            throw new StoreException(job.description() + " stopped while " + stopped + ": " + fault, failure);
        }
    }

    /** Whether the work printed how it ended within the wait. */
    private static boolean awaitQuietly(CountDownLatch printed) {
        try {
            return printed.await(ROLLBACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
