package dev.sessiondb.ui.about;

import dev.sessiondb.app.BuildInfo;
import dev.sessiondb.app.LogFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Help > About shows: the build, the Java and JavaFX it runs on, and where the log is. */
public final class AboutViewModel {

    private final BuildInfo build;
    private final Map<String, String> properties;
    private final String logFile;

    public AboutViewModel(BuildInfo build, Map<String, String> properties, String logFile) {
        this.build = build;
        this.properties = properties;
        this.logFile = logFile;
    }

    public static AboutViewModel ofRunningApp() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : new String[] {"java.version", "java.vendor", "java.home", "javafx.runtime.version", "os.name", "os.arch"}) {
            properties.put(name, System.getProperty(name, "unknown"));
        }
        return new AboutViewModel(BuildInfo.current(), properties, LogFiles.current().toString());
    }

    /** Label and value, in the order shown. */
    public Map<String, String> lines() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Version", build.describe());
        lines.put("Java", properties.get("java.version") + " (" + properties.get("java.vendor") + ") in " + properties.get("java.home"));
        lines.put("JavaFX", properties.get("javafx.runtime.version"));
        lines.put("System", properties.get("os.name") + " " + properties.get("os.arch"));
        lines.put("Log", logFile);
        return lines;
    }
}
