package dev.sessiondb.job.consolidate;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings that point Minsky at one store, for the end of a consolidation report: the
 * environment variables and the {@code config.yaml} lines Minsky reads (formats.md, "Backend
 * selection"). A password is never printed: the URL shows {@link SecretMasker#MASK} in its place.
 */
public final class MinskySettings {

    private MinskySettings() {
    }

    public static List<String> lines(StoreLocator store, StoreLayout layout) {
        List<String> lines = new ArrayList<>();
        lines.add("To point Minsky at the consolidated store:");
        switch (store.format()) {
            case SQLITE -> {
                String path = store.path().toAbsolutePath().toString();
                environment(lines, "sqlite", "MINSKY_SESSIONDB_SQLITE_PATH=" + path);
                config(lines, "sqlite", "  sqlite:", "    path: " + path);
            }
            case JSON -> {
                Path file = store.path().toAbsolutePath();
                String baseDir = file.getParent().toString();
                environment(lines, "json", "MINSKY_SESSIONDB_BASE_DIR=" + baseDir);
                config(lines, "json", "  json:", "    baseDir: " + baseDir);
                if (!file.getFileName().toString().equals("session-db.json")) {
                    lines.add("  Minsky reads <baseDir>/session-db.json: rename " + file.getFileName() + " to session-db.json.");
                }
            }
            case POSTGRESQL -> {
                String url = store.display().replaceFirst("\\?.*$", "");
                environment(lines, "postgres", "MINSKY_SESSIONDB_POSTGRES_URL=" + url);
                config(lines, "postgres", "  postgres:", "    connectionString: " + url);
                if (url.contains(SecretMasker.MASK)) {
                    lines.add("  Put the password where " + SecretMasker.MASK + " stands (or in ~/.pgpass); it is never printed.");
                }
            }
            case JSONDIR -> lines.add("  Minsky cannot read a directory of JSON files; consolidate into json:, sqlite: or postgresql:// instead.");
        }
        if (layout != StoreLayout.MINSKY && store.format() != dev.sessiondb.store.StoreFormat.JSON) {
            lines.add("  Minsky reads only its own layout and this store has the " + layout.id()
                    + " layout: consolidate with --layout minsky (a dry run shows any field Minsky's layout cannot hold).");
        }
        lines.add("  Remove sessiondb settings from per-repository .minsky/config.yaml files that name another store,"
                + " so every workspace uses this one.");
        return lines;
    }

    private static void environment(List<String> lines, String backend, String location) {
        lines.add("  environment:");
        lines.add("    export MINSKY_SESSIONDB_BACKEND=" + backend);
        lines.add("    export " + location);
    }

    private static void config(List<String> lines, String backend, String section, String location) {
        lines.add("  or in ~/.config/minsky/config.yaml:");
        lines.add("    sessiondb:");
        lines.add("      backend: " + backend);
        lines.add("    " + section);
        lines.add("    " + location);
    }
}
