package dev.sessiondb.store.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The session-store settings of one Minsky {@code config.yaml}: {@code sessiondb.backend},
 * {@code sessiondb.sqlite.path}, {@code sessiondb.postgres.connectionString},
 * {@code sessiondb.json.baseDir}, and the legacy {@code dbPath}, {@code baseDir},
 * {@code connectionString} keys.
 */
public record MinskyConfig(Path file, Optional<String> backend, Optional<String> sqlitePath,
                           Optional<String> postgresUrl, Optional<String> jsonBaseDir) {

    private static final ObjectMapper YAML = new ObjectMapper(JsonLimits.applied(new YAMLFactory()));

    /** Reads the file; empty when it does not exist or names no session store. */
    public static Optional<MinskyConfig> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new StoreException(file + ": not valid YAML (" + firstLine(e.getMessage()) + "); fix the Minsky configuration file");
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode sessiondb = root.path("sessiondb");
        MinskyConfig config = new MinskyConfig(file,
                text(sessiondb.path("backend")).map(value -> value.toLowerCase(Locale.ROOT)),
                text(sessiondb.path("sqlite").path("path")).or(() -> text(sessiondb.path("dbPath"))),
                text(sessiondb.path("postgres").path("connectionString")).or(() -> text(sessiondb.path("connectionString"))),
                text(sessiondb.path("json").path("baseDir")).or(() -> text(sessiondb.path("baseDir"))));
        return config.namesAStore() ? Optional.of(config) : Optional.empty();
    }

    private boolean namesAStore() {
        return backend.isPresent() || sqlitePath.isPresent() || postgresUrl.isPresent() || jsonBaseDir.isPresent();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.lines().findFirst().orElse(text);
    }
}
