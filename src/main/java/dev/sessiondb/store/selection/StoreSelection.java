package dev.sessiondb.store.selection;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which store to open when the user names none, and why: {@code SESSIONDB_STORE}, then
 * Minsky's environment variables, then Minsky's per-repo and global {@code config.yaml},
 * then Minsky's state-dir store, else SessionDB Admin's embedded SQLite store.
 */
public final class StoreSelection {

    /** A chosen store and the setting that chose it, for "using ... (from ...)" messages. */
    public record Selected(StoreLocator locator, String reason) {

        /** Whether {@code SESSIONDB_STORE} chose it, which a window says as it opens it over the store open last. */
        public boolean explicit() {
            return EXPLICIT_VARIABLE.equals(reason);
        }
    }

    /** The variable that names a store for one run (or a whole shell): it comes before every other setting. */
    public static final String EXPLICIT_VARIABLE = "SESSIONDB_STORE";

    private final MinskyPaths paths;
    private final Path workingDirectory;

    public StoreSelection(MinskyPaths paths, Path workingDirectory) {
        this.paths = paths;
        this.workingDirectory = workingDirectory;
    }

    public static StoreSelection ofSystem() {
        return new StoreSelection(MinskyPaths.ofSystem(), Path.of("").toAbsolutePath());
    }

    public Selected select() {
        return explicitChoice().orElseGet(this::selectFromMinsky);
    }

    /**
     * The store {@code SESSIONDB_STORE} names: the user's choice for this run, so it also comes before
     * the store the window had open last. Minsky's settings do not: they hold for every run, so
     * the window goes back to the store last open over them (README, "Which store, when none is named").
     */
    public Optional<Selected> explicitChoice() {
        String explicit = paths.env().get(EXPLICIT_VARIABLE);
        if (explicit == null || explicit.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Selected(StoreLocator.parse(explicit), EXPLICIT_VARIABLE));
    }

    private Selected selectFromMinsky() {
        Map<String, String> env = paths.env();
        return fromMinskyEnvironment(env)
                .or(() -> projectConfig().flatMap(this::fromConfig))
                .or(() -> MinskyConfig.read(paths.minskyGlobalConfig()).flatMap(this::fromConfig))
                .or(this::minskyStateStore)
                .orElseGet(() -> new Selected(StoreLocator.of(StoreFormat.SQLITE, paths.embeddedStore()), "default embedded store"));
    }

    private Optional<Selected> fromMinskyEnvironment(Map<String, String> env) {
        String backend = first(env, "MINSKY_PERSISTENCE_BACKEND", "MINSKY_SESSIONDB_BACKEND").orElse("");
        Optional<String> postgres = first(env, "MINSKY_PERSISTENCE_POSTGRES_URL", "MINSKY_SESSIONDB_POSTGRES_URL", "MINSKY_POSTGRES_URL");
        Optional<String> sqlite = first(env, "MINSKY_SESSIONDB_SQLITE_PATH", "MINSKY_SQLITE_PATH");
        Optional<String> jsonDir = first(env, "MINSKY_SESSIONDB_BASE_DIR");
        return choose(backend, sqlite, postgres, jsonDir, "Minsky's environment variables");
    }

    private Optional<Selected> fromConfig(MinskyConfig config) {
        return choose(config.backend().orElse(""), config.sqlitePath(), config.postgresUrl(), config.jsonBaseDir(), config.file().toString());
    }

    /** The backend setting decides; without one, whichever single location is set. */
    private Optional<Selected> choose(String backend, Optional<String> sqlite, Optional<String> postgres,
                                      Optional<String> jsonDir, String reason) {
        switch (backend.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> {
                return Optional.of(new Selected(StoreLocator.parse(postgres.orElseThrow(() -> new StoreException(
                        reason + " selects the postgres backend but gives no connection URL; set MINSKY_SESSIONDB_POSTGRES_URL or sessiondb.postgres.connectionString"))), reason));
            }
            case "sqlite" -> {
                Path file = sqlite.map(this::expand).orElse(paths.minskySqliteStore());
                return Optional.of(new Selected(StoreLocator.of(StoreFormat.SQLITE, file), reason));
            }
            case "json" -> {
                Path file = jsonDir.map(dir -> expand(dir).resolve("session-db.json")).orElse(paths.minskyJsonStore());
                return Optional.of(new Selected(StoreLocator.of(StoreFormat.JSON, file), reason));
            }
            case "" -> {
                return postgres.map(url -> new Selected(StoreLocator.parse(url), reason))
                        .or(() -> sqlite.map(path -> new Selected(StoreLocator.of(StoreFormat.SQLITE, expand(path)), reason)))
                        .or(() -> jsonDir.map(dir -> new Selected(StoreLocator.of(StoreFormat.JSON, expand(dir).resolve("session-db.json")), reason)));
            }
            default -> throw new StoreException(reason + ": unknown session backend '" + backend + "'; use json, sqlite or postgres");
        }
    }

    /** The nearest {@code .minsky/config.yaml} from the working directory upwards that names a store. */
    private Optional<MinskyConfig> projectConfig() {
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Optional<MinskyConfig> config = MinskyConfig.read(dir.resolve(".minsky").resolve("config.yaml"));
            if (config.isPresent()) {
                return config;
            }
        }
        return Optional.empty();
    }

    private Optional<Selected> minskyStateStore() {
        for (Path candidate : List.of(paths.minskySqliteStore(), paths.minskyJsonStore())) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(new Selected(StoreLocator.parse(candidate.toString()), "Minsky's state directory"));
            }
        }
        return Optional.empty();
    }

    private Path expand(String path) {
        return path.startsWith("~/") ? paths.home().resolve(path.substring(2)) : Path.of(path);
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
