package dev.sessiondb.discovery;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.selection.MinskyConfig;
import dev.sessiondb.store.selection.MinskyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the session stores on a machine: Minsky's state directory (JSON, SQLite and its
 * backups), the stores named by the environment and by Minsky's global and per-repo
 * {@code config.yaml}, magellai's session directory, the chat server's database in the current
 * folder, and session databases under the given roots. Each is opened read-only to tell its layout and size; one that cannot be opened is
 * listed with the reason.
 */
public final class StoreDiscovery {

    private final MinskyPaths paths;
    private final List<Path> roots;
    /** Where a chat server run from here keeps its database, and a relative DATABASE_PATH starts. */
    private final Path workingDir;

    /** @param paths the environment and home directory to read */
    public StoreDiscovery(MinskyPaths paths, List<Path> roots) {
        this(paths, roots, Path.of("").toAbsolutePath());
    }

    /** @param workingDir the folder a chat server would run in (tests pass a fake one) */
    StoreDiscovery(MinskyPaths paths, List<Path> roots, Path workingDir) {
        this.paths = paths;
        this.roots = List.copyOf(roots);
        this.workingDir = workingDir;
    }

    /**
     * @param stores   every store found, in the order found, each once
     * @param problems settings that could not be read (a broken config file), one line each
     */
    public record Result(List<DiscoveredStore> stores, List<String> problems) {
    }

    public Result discover(ProgressMonitor monitor) {
        Candidates candidates = new Candidates(paths.home());
        addStateDir(candidates);
        addEnvironment(candidates);
        addChatServer(candidates);
        addConfig(candidates, paths.minskyGlobalConfig(), "Minsky's global config " + paths.minskyGlobalConfig());
        if (Files.isDirectory(paths.magellaiSessions())) {
            candidates.add(StoreLocator.of(StoreFormat.JSONDIR, paths.magellaiSessions()), "magellai's session directory");
        }
        for (Path root : roots) {
            RootScan.Found found = RootScan.scan(root, monitor);
            found.projectConfigs().forEach(config -> addConfig(candidates, config, "project config " + config));
            found.sessionDatabases().forEach(database -> candidates.add(StoreLocator.of(StoreFormat.SQLITE, database), "SQLite file with a sessions table under " + root));
            found.jsonStores().forEach((file, kind) -> candidates.add(StoreLocator.of(StoreFormat.JSON, file), jsonStoreOf(kind) + " under " + root));
            found.minskyBackups().forEach(file -> candidates.add(StoreLocator.of(StoreFormat.JSON, file), "Minsky backup under " + root));
            found.magellaiFolders().forEach(folder -> candidates.add(StoreLocator.of(StoreFormat.JSONDIR, folder), "magellai's sessions under " + root));
        }
        List<DiscoveredStore> stores = new ArrayList<>();
        long done = 0;
        for (Map.Entry<StoreLocator, List<String>> candidate : candidates.byLocator().entrySet()) {
            monitor.checkCancelled();
            stores.add(describe(candidate.getKey(), candidate.getValue()));
            monitor.progress(++done, candidates.byLocator().size());
        }
        return new Result(stores, candidates.problems());
    }

    private static String jsonStoreOf(JsonFileStart.Kind kind) {
        return switch (kind) {
            case CHAT_STORE -> "JSON store of chat server sessions";
            case MAGELLAI_STORE -> "JSON store of magellai sessions";
            default -> "Minsky JSON store";
        };
    }

    private void addStateDir(Candidates candidates) {
        Path stateDir = paths.minskyStateDir();
        for (Path file : List.of(paths.minskyJsonStore(), paths.minskySqliteStore())) {
            if (Files.isRegularFile(file)) {
                candidates.add(StoreLocator.parse(file.toString()), "Minsky's state directory");
            }
        }
        RootScan.backups(stateDir).forEach(backup -> candidates.add(StoreLocator.of(StoreFormat.JSON, backup), "Minsky backup in its state directory"));
    }

    private void addEnvironment(Candidates candidates) {
        Map<String, String> env = paths.env();
        candidates.addText(env.get("SESSIONDB_STORE"), "SESSIONDB_STORE");
        for (String name : List.of("MINSKY_SESSIONDB_SQLITE_PATH", "MINSKY_SQLITE_PATH")) {
            candidates.addPath(env.get(name), StoreFormat.SQLITE, null, name);
        }
        for (String name : List.of("MINSKY_SESSIONDB_POSTGRES_URL", "MINSKY_POSTGRES_URL", "MINSKY_PERSISTENCE_POSTGRES_URL")) {
            candidates.addText(env.get(name), name);
        }
        Optional.ofNullable(env.get("MINSKY_SESSIONDB_BASE_DIR")).filter(dir -> !dir.isBlank())
                .ifPresent(dir -> candidates.add(StoreLocator.of(StoreFormat.JSON, candidates.expand(dir, null).resolve("session-db.json")), "MINSKY_SESSIONDB_BASE_DIR"));
    }

    /**
     * The chat server's database, in the folder it runs in: where DATABASE_PATH says (not {@code :memory:}, and only a file that
     * exists, as other programs read that name too), and its default path.
     */
    private void addChatServer(Candidates candidates) {
        Optional.ofNullable(paths.env().get("DATABASE_PATH")).map(String::strip).filter(path -> !path.isEmpty() && !path.equals(":memory:"))
                .map(path -> candidates.expand(path, workingDir)).filter(Files::isRegularFile)
                .ifPresent(file -> candidates.add(StoreLocator.of(StoreFormat.SQLITE, file), "DATABASE_PATH (the chat server's setting)"));
        Path usual = workingDir.resolve("data").resolve("sessions.db");
        if (Files.isRegularFile(usual)) {
            candidates.add(StoreLocator.of(StoreFormat.SQLITE, usual), "the chat server's default path, data/sessions.db in the current folder");
        }
    }

    /** Every store a config names, whichever backend it selects: the others are where stray sessions hide. */
    private void addConfig(Candidates candidates, Path file, String via) {
        Optional<MinskyConfig> config;
        try {
            config = MinskyConfig.read(file);
        } catch (StoreException e) {
            candidates.unreadable(e.getMessage());
            return;
        }
        config.ifPresent(settings -> {
            Path relativeTo = file.getParent().getParent();
            settings.sqlitePath().ifPresent(path -> candidates.addPath(path, StoreFormat.SQLITE, relativeTo, via));
            settings.postgresUrl().ifPresent(url -> candidates.addText(url, via));
            settings.jsonBaseDir().ifPresent(dir -> candidates.add(StoreLocator.of(StoreFormat.JSON, candidates.expand(dir, relativeTo).resolve("session-db.json")), via));
        });
    }

    private static DiscoveredStore describe(StoreLocator locator, List<String> via) {
        if (locator.localPath().isPresent() && !StoreProviders.of(locator).exists(locator)) {
            return unreachable(locator, via, "does not exist");
        }
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            StoreInfo info = store.info();
            return new DiscoveredStore(locator, via, info.format(), Optional.of(info.layout()), info.recordCount(),
                    Optional.ofNullable(info.lastModified()), Optional.empty());
        } catch (RuntimeException e) {
            return unreachable(locator, via, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static DiscoveredStore unreachable(StoreLocator locator, List<String> via, String reason) {
        return new DiscoveredStore(locator, via, locator.format(), Optional.empty(), -1, Optional.empty(), Optional.of(reason));
    }

    /** Candidate stores in the order found, one entry per store however many settings name it. */
    private static final class Candidates {
        private final Path home;
        private final Map<StoreLocator, List<String>> byLocator = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        Candidates(Path home) {
            this.home = home;
        }

        Map<StoreLocator, List<String>> byLocator() {
            return byLocator;
        }

        void add(StoreLocator locator, String via) {
            StoreLocator key = locator.localPath().map(path -> new StoreLocator(locator.format(), path.toAbsolutePath().normalize().toString(),
                    locator.params())).orElse(locator);
            byLocator.computeIfAbsent(key, unused -> new ArrayList<>()).add(via);
        }

        void addText(String locator, String via) {
            if (locator == null || locator.isBlank()) {
                return;
            }
            try {
                add(StoreLocator.parse(locator), via);
            } catch (StoreException e) {
                problems.add(via + ": " + e.getMessage());
            }
        }

        void addPath(String path, StoreFormat format, Path relativeTo, String via) {
            if (path != null && !path.isBlank()) {
                add(StoreLocator.of(format, expand(path, relativeTo)), via);
            }
        }

        void unreadable(String reason) {
            problems.add(reason);
        }

        List<String> problems() {
            return problems;
        }

        Path expand(String path, Path relativeTo) {
            String trimmed = path.strip();
            if (trimmed.equals("~") || trimmed.startsWith("~/")) {
                return home.resolve(trimmed.length() == 1 ? "" : trimmed.substring(2));
            }
            Path candidate = Path.of(trimmed);
            return candidate.isAbsolute() || relativeTo == null ? candidate : relativeTo.resolve(candidate);
        }
    }
}
