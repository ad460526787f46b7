package dev.sessiondb.discovery;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One walk of a directory tree for session stores: Minsky project configs
 * ({@code .minsky/config.yaml}), SQLite files that hold a {@code sessions} table, JSON stores
 * ({@code session-db.json}, or any {@code .json} file that starts as a store of sessions: {@link JsonFileStart}), Minsky's backups
 * ({@code session-backup-*.json}) and folders of magellai's sessions (a {@code .json} file that starts as one). Build output, dependencies and other hidden
 * directories are skipped; symbolic links are not followed.
 */
final class RootScan {

    /** What one walk found. */
    record Found(List<Path> projectConfigs, List<Path> sessionDatabases, Map<Path, JsonFileStart.Kind> jsonStores, List<Path> minskyBackups,
                 Set<Path> magellaiFolders) {
    }

    private static final int MAX_DEPTH = 8;
    private static final Pattern BACKUP_NAME = Pattern.compile("session-backup-.*\\.json", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "vendor", "__pycache__");
    private static final Set<String> SQLITE_EXTENSIONS = Set.of(".db", ".sqlite", ".sqlite3");

    private RootScan() {
    }

    static Found scan(Path root, ProgressMonitor monitor) {
        Found found = new Found(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashSet<>());
        if (!Files.isDirectory(root)) {
            return found;
        }
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    monitor.checkCancelled();
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (SKIPPED.contains(name) || name.startsWith(".") && !name.equals(".minsky"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.equals("config.yaml") && file.getParent().getFileName().toString().equals(".minsky")) {
                        found.projectConfigs().add(file);
                    } else if (name.equals("session-db.json")) {
                        found.jsonStores().put(file, JsonFileStart.Kind.MINSKY_STORE);
                    } else if (BACKUP_NAME.matcher(name).matches()) {
                        found.minskyBackups().add(file);
                    } else if (attributes.isRegularFile() && SQLITE_EXTENSIONS.stream().anyMatch(name::endsWith) && holdsSessionsTable(file)) {
                        found.sessionDatabases().add(file);
                    } else if (attributes.isRegularFile() && name.endsWith(".json") && !found.magellaiFolders().contains(file.getParent())) {
                        // a magellai folder holds a file per session: once one tells it, the others are not read
                        JsonFileStart.Kind kind = JsonFileStart.of(file);
                        switch (kind) {
                            case MAGELLAI_SESSION -> found.magellaiFolders().add(file.getParent());
                            case OTHER -> { }
                            case MINSKY_STORE, CHAT_STORE, MAGELLAI_STORE -> found.jsonStores().put(file, kind);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Minsky's backups beside its store ({@code session-backup-<timestamp>.json}). */
    static List<Path> backups(Path stateDir) {
        if (!Files.isDirectory(stateDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(file -> BACKUP_NAME.matcher(file.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** A SQLite file (told by its provider) whose catalogue has a sessions table. */
    private static boolean holdsSessionsTable(Path file) {
        StoreProvider sqlite = StoreProviders.of(StoreFormat.SQLITE);
        try {
            return sqlite.recognises(file) && sqlite.catalog(StoreLocator.of(StoreFormat.SQLITE, file)).hasTable("sessions");
        } catch (StoreException e) {
            return false;
        }
    }
}
