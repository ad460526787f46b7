package dev.sessiondb.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code sessiondb} in a separate JVM with the test classpath, so a test can kill it like kill -9 does. */
final class ChildJvm {

    private final Path home;

    /** @param home the child's home and XDG folders, so it never touches the real ones */
    ChildJvm(Path home) {
        this.home = home;
    }

    Process start(List<String> args) {
        return start(args, ProcessBuilder.Redirect.DISCARD);
    }

    /** Starts the command with its stdout and stderr, together, sent to {@code output}. */
    Process start(List<String> args, ProcessBuilder.Redirect output) {
        // as a terminal's user runs it: SIGINT and SIGHUP handled, though this JVM may run where they are ignored (a script's
        // background job, nohup), which a child would inherit
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP,INT", Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), "dev.sessiondb.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end and returns the exit code and how long it took, in milliseconds. */
    long[] runToEnd(List<String> args) throws InterruptedException {
        long start = System.nanoTime();
        Process process = start(args);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("sessiondb " + String.join(" ", args) + " did not finish");
        }
        return new long[] {process.exitValue(), (System.nanoTime() - start) / 1_000_000};
    }

    /** Starts the command and asks it to stop (SIGTERM, as a service manager would) after {@code millis}; returns its exit code. */
    int terminateAfter(List<String> args, long millis) throws InterruptedException {
        Process process = start(args);
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            process.destroy();
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("sessiondb " + String.join(" ", args) + " did not stop when asked to");
        }
        return process.exitValue();
    }

    /** Starts the command and kills it without warning after {@code millis}; returns whether it was still running. */
    boolean killAfter(List<String> args, long millis) throws InterruptedException {
        Process process = start(args);
        boolean finished = process.waitFor(millis, TimeUnit.MILLISECONDS);
        process.destroyForcibly();
        process.waitFor();
        return !finished;
    }
}
