package dev.sessiondb;

import dev.sessiondb.app.BuildInfo;
import dev.sessiondb.app.LogFiles;
import dev.sessiondb.cli.SessionDbCommand;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.ui.DesktopLauncher;
import org.slf4j.LoggerFactory;

/**
 * Entry point: no arguments opens the desktop app, a subcommand runs the {@code sessiondb} command
 * line. The installed {@code sessiondb} launcher sets {@code -Dsessiondb.launcher=cli}, so alone it
 * prints its usage instead of opening the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean commandLine = args.length > 0 || "cli".equals(System.getProperty("sessiondb.launcher"));
        if (commandLine) {
            SessionDbCommand.sayWhenASignalEndsIt(args);
        }
        if (args.length > 0) {
            SessionDbCommand.quietLibrariesOnStderrUnlessDebugging(args);
        }
        // before the first logger: logback reads the folder LogFiles chose
        LogFiles.prepare(MinskyPaths.ofSystem().appLogDir());
        LoggerFactory.getLogger(Main.class).info("SessionDB Admin {} on Java {} ({}), {}", BuildInfo.current().describe(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), args.length == 0 ? "desktop app" : "command " + args[0]);
        if (!commandLine) {
            System.exit(DesktopLauncher.launch(args));
        } else {
            System.exit(SessionDbCommand.run(args));
        }
    }
}
