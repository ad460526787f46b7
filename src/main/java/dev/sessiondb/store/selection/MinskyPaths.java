package dev.sessiondb.store.selection;

import java.nio.file.Path;
import java.util.Map;

/** Where Minsky and SessionDB Admin keep their files, following the XDG base directories. */
public record MinskyPaths(Map<String, String> env, Path home) {

    public static MinskyPaths ofSystem() {
        return new MinskyPaths(System.getenv(), userHome(System.getenv()));
    }

    /**
     * The user's home as libpq and the XDG tools take it: {@code $HOME}, else the account's home ({@code user.home}, from
     * /etc/passwd), which differs in a container or a sandbox that sets {@code HOME}.
     */
    public static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** {@code $XDG_STATE_HOME/minsky}, else {@code ~/.local/state/minsky}. */
    public Path minskyStateDir() {
        return xdg("XDG_STATE_HOME", ".local/state").resolve("minsky");
    }

    public Path minskyJsonStore() {
        return minskyStateDir().resolve("session-db.json");
    }

    public Path minskySqliteStore() {
        return minskyStateDir().resolve("sessions.db");
    }

    /** Minsky's global configuration, {@code ~/.config/minsky/config.yaml}. */
    public Path minskyGlobalConfig() {
        return xdg("XDG_CONFIG_HOME", ".config").resolve("minsky").resolve("config.yaml");
    }

    /** magellai keeps one JSON file per session here. */
    public Path magellaiSessions() {
        return xdg("XDG_CONFIG_HOME", ".config").resolve("magellai").resolve("sessions");
    }

    /** SessionDB Admin's own embedded store, used when nothing else is configured. */
    public Path embeddedStore() {
        return appDataDir().resolve("sessions.db");
    }

    /** SessionDB Admin's data: the embedded store, the backup journal and job reports. */
    public Path appDataDir() {
        return xdg("XDG_DATA_HOME", ".local/share").resolve("sessiondb-admin");
    }

    /** SessionDB Admin's logs: {@code $XDG_STATE_HOME/sessiondb-admin/logs}, else {@code ~/.local/state/sessiondb-admin/logs}. */
    public Path appLogDir() {
        return xdg("XDG_STATE_HOME", ".local/state").resolve("sessiondb-admin").resolve("logs");
    }

    /** SessionDB Admin's settings (saved stores, window state). */
    public Path appConfigDir() {
        return xdg("XDG_CONFIG_HOME", ".config").resolve("sessiondb-admin");
    }

    private Path xdg(String variable, String fallback) {
        String value = env.get(variable);
        return value != null && !value.isBlank() ? Path.of(value) : home.resolve(fallback);
    }
}
