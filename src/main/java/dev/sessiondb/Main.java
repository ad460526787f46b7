package dev.sessiondb;

import dev.sessiondb.cli.SessionDbCommand;
import dev.sessiondb.ui.DesktopApp;

/** Entry point: no arguments opens the desktop app, a subcommand runs the {@code sessiondb} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopApp.launch(args);
        } else {
            System.exit(SessionDbCommand.run(args));
        }
    }
}
