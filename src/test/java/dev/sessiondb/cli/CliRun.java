package dev.sessiondb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the sessiondb command line in-process, made as the console makes it for the same arguments, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SessionDbCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
