package dev.sessiondb.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal asked a job to stop. The JVM runs the same shutdown hooks for Ctrl-C (SIGINT),
 * SIGTERM and SIGHUP (the terminal closed), but shells and service managers tell them apart by
 * the exit code, 128 + the signal's number: 130, 143 and 129. The handlers here note the signal
 * and then end the process as the JVM's own do (an exit with that code, which runs the shutdown
 * hooks). The first signal decides: a second one (an impatient Ctrl-C after a SIGTERM) neither
 * changes the code nor starts a second exit, so the cancel still waits for the work to end.
 */
final class StopSignal {

    private static final int NONE_NOTED = 0;
    private static int noted = NONE_NOTED;
    private static boolean installed;

    private StopSignal() {
    }

    /** Notes SIGINT, SIGTERM and SIGHUP from now on; once per process (tests run many jobs in one). */
    static synchronized void install() {
        if (!installed) {
            installed = true;
            note("INT");
            note("TERM");
            note("HUP");
        }
    }

    /** 128 + the number of the first signal that asked the process to stop; Ctrl-C's 130 when none was noted. */
    static synchronized int exitCode() {
        return noted == NONE_NOTED ? SessionDbCommand.INTERRUPTED : noted;
    }

    /** Whether a signal asked the process to stop (else it ends as its command finished). */
    static synchronized boolean noted() {
        return noted != NONE_NOTED;
    }

    /** Whether this is the first signal to ask for a stop: only that one ends the process. */
    private static synchronized boolean noteFirst(Signal received) {
        if (noted != NONE_NOTED) {
            return false;
        }
        noted = 128 + received.getNumber();
        return true;
    }

    private static void note(String name) {
        Signal signal = new Signal(name);
        try {
            SignalHandler jvms = Signal.handle(signal, received -> {
                if (noteFirst(received)) {
                    System.exit(exitCode());
                }
            });
            if (jvms == SignalHandler.SIG_DFL || jvms == SignalHandler.SIG_IGN) {
                // a signal the JVM left alone (ignored by the parent, as for a background job in a script, or SIGHUP under nohup) stays so
                Signal.handle(signal, jvms);
            }
        } catch (IllegalArgumentException reservedByTheJvm) {
            // -Xrs, or no such signal here: the JVM's own handling stays, and a stop exits with Ctrl-C's code
        }
    }
}
