package dev.sessiondb.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal asked a job to stop. The JVM runs the same shutdown hooks for Ctrl-C (SIGINT) and
 * SIGTERM, but shells and service managers tell them apart by the exit code, 128 + the signal's
 * number: 130 and 143. The handlers here note the signal and then end the process as the JVM's
 * own do (an exit with that code, which runs the shutdown hooks).
 */
final class StopSignal {

    private static volatile int exitCode = SessionDbCommand.INTERRUPTED;
    private static boolean installed;

    private StopSignal() {
    }

    /** Notes SIGINT and SIGTERM from now on; once per process (tests run many jobs in one). */
    static synchronized void install() {
        if (!installed) {
            installed = true;
            note("INT");
            note("TERM");
        }
    }

    /** 128 + the number of the signal that asked the process to stop; Ctrl-C's 130 when none was noted. */
    static int exitCode() {
        return exitCode;
    }

    private static void note(String name) {
        Signal signal = new Signal(name);
        try {
            SignalHandler jvms = Signal.handle(signal, received -> {
                exitCode = 128 + received.getNumber();
                System.exit(exitCode);
            });
            if (jvms == SignalHandler.SIG_DFL || jvms == SignalHandler.SIG_IGN) {
                // a signal the JVM left alone (ignored by the parent, as for a background job in a script) stays so
                Signal.handle(signal, jvms);
            }
        } catch (IllegalArgumentException reservedByTheJvm) {
            // -Xrs, or no such signal here: the JVM's own handling stays, and a stop exits with Ctrl-C's code
        }
    }
}
