package dev.sessiondb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * What a command says when a signal (Ctrl-C, SIGTERM, SIGHUP) ends it outside a job's work, which {@link JobRunner#cancellable}
 * speaks for. Before that work (reading, looking at the store, planning) nothing was written: the command says it was cancelled,
 * that nothing was changed where it could have been, and exits with the signal's code. After the work printed its result the
 * process exits as the work ended, so a late Ctrl-C never reads as a failure. Without this the JVM ended such a command in
 * silence, exit 130 (an undo spends seconds comparing the store before it restores).
 */
final class SignalOutsideWork {

    /** The commands that write: each writes only inside {@link JobRunner#cancellable}, so a stop before it changed nothing. */
    private static final Set<String> WRITING = Set.of("migrate", "consolidate", "repair", "upgrade", "undo");

    private enum Phase { BEFORE_WORK, WORKING, WORK_ENDED, STOPPING }

    private static final Object LOCK = new Object();
    private static Phase phase = Phase.BEFORE_WORK;
    private static int workExitCode;

    private SignalOutsideWork() {
    }

    /** Notes the stop signals from the command's first moment, and says why a signal ended it outside a job's work. */
    static void sayFor(List<String> args, String command) {
        StopSignal.install();
        PrintWriter err = new PrintWriter(System.err, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> onExit(FailureReport.to(err, args), command), "sessiondb-stop"));
    }

    /**
     * Called as a job's work starts, with the hook that cancels it: from here that hook speaks for a stop. Once the process
     * is ending the work never starts: this waits for the JVM to halt, as "nothing was changed" is being said.
     */
    static void workStarts(Thread cancelOnStop) {
        synchronized (LOCK) {
            while (true) {
                if (phase != Phase.STOPPING) {
                    try {
                        Runtime.getRuntime().addShutdownHook(cancelOnStop);
                        phase = Phase.WORKING;
                        return;
                    } catch (IllegalStateException shuttingDown) {
                        // a signal's exit began: its hook here is about to say so
                    }
                }
                try {
                    LOCK.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the command was being stopped", e);
                }
            }
        }
    }

    /** Called once the work printed how it ended: a signal from here exits with {@code exitCode}. */
    static void workEnded(int exitCode) {
        synchronized (LOCK) {
            phase = Phase.WORK_ENDED;
            workExitCode = exitCode;
        }
    }

    private static void onExit(FailureReport failure, String command) {
        if (!StopSignal.noted()) {
            return; // the command ended as it does
        }
        synchronized (LOCK) {
            switch (phase) {
                case WORKING, STOPPING:
                    return;
                case WORK_ENDED:
                    Runtime.getRuntime().halt(workExitCode);
                    return;
                default:
                    phase = Phase.STOPPING;
            }
        }
        failure.failed(command, WRITING.contains(command) ? "cancelled; nothing was changed" : "cancelled", StopSignal.exitCode(), null);
    }
}
