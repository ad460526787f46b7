package dev.sessiondb;

/** Entry point: no arguments opens the desktop app, a subcommand runs the {@code sessiondb} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(dev.sessiondb.cli.SessionDbCommand.run(args));
    }
}
