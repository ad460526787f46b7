package dev.sessiondb.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop app, or says in one line what this machine lacks for it: a display, GTK 3
 * or the JavaFX runtime. This class names no JavaFX type, so it loads where JavaFX is missing.
 */
public final class DesktopLauncher {

    /** The exit code for "this machine cannot show the window", as the CLI's bad-input code. */
    public static final int CANNOT_START = 2;

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);
    private static final String CLI_HINT = "; the command line works without it: sessiondb --help";

    private static final String NO_JAVAFX = "the JavaFX runtime is missing or does not fit this machine: run the installed "
            + "app or the shaded jar (target/sessiondb-admin.jar), which bring JavaFX for Linux x64" + CLI_HINT;

    private DesktopLauncher() {
    }

    /** Runs the app until its window closes; returns 0, or {@link #CANNOT_START} after printing why. */
    public static int launch(String[] args) {
        Optional<String> missing = missingBeforeLaunch(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform", ""));
        if (missing.isEmpty()) {
            try {
                DesktopApp.launch(args);
                return 0;
            } catch (RuntimeException | LinkageError failure) {
                LOG.error("The desktop app could not start", failure);
                missing = Optional.of(explain(failure));
            }
        }
        System.err.println("sessiondb-admin: " + missing.get());
        return CANNOT_START;
    }

    /** What is missing before JavaFX is even tried: its classes, or (on Linux) a display. */
    static Optional<String> missingBeforeLaunch(Map<String, String> env, String osName, String glassPlatform) {
        if (DesktopLauncher.class.getClassLoader().getResource("javafx/application/Application.class") == null) {
            return Optional.of(NO_JAVAFX);
        }
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        boolean virtualPlatform = glassPlatform.equalsIgnoreCase("Monocle");
        if (linux && !virtualPlatform && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("no display to open the window on (DISPLAY is not set): run it in a desktop session, "
                    + "or on a server under a virtual display (Debian: apt-get install xvfb; xvfb-run sessiondb-admin)" + CLI_HINT);
        }
        return Optional.empty();
    }

    /** One line for a failure of JavaFX's start, by the cause JavaFX names. */
    static String explain(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        String text = messages.toString();
        if (text.contains("GTK") || text.contains("libgtk")) {
            return "the desktop app needs GTK 3, which is not installed: install it "
                    + "(Debian/Ubuntu: sudo apt-get install libgtk-3-0; Fedora: sudo dnf install gtk3)" + CLI_HINT;
        }
        if (text.contains("DISPLAY") || text.contains("display")) {
            return "cannot open the display '" + System.getenv().getOrDefault("DISPLAY", "") + "': check that the X server "
                    + "runs and lets you in (xhost), or run under a virtual display (Debian: apt-get install xvfb; xvfb-run sessiondb-admin)" + CLI_HINT;
        }
        if (text.contains("javafx") || text.contains("prism") || text.contains("glass")) {
            return NO_JAVAFX + " (" + firstLine(failure) + ")";
        }
        return "the desktop app could not start: " + firstLine(failure) + " (the log has the details)" + CLI_HINT;
    }

    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
