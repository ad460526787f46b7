package dev.sessiondb.ui.sessions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sessions table's columns as the user left them, per store (keyed by the store's locator
 * without password), in a JSON file beside the settings. An unreadable file counts as empty.
 */
public final class ColumnChoices {

    /**
     * @param hidden ids of the standard columns the user hid
     * @param added  field paths the user added as columns, in order
     */
    public record Choice(List<String> hidden, List<String> added) {

        public static final Choice DEFAULT = new Choice(List.of(), List.of());

        public Choice {
            hidden = hidden == null ? List.of() : List.copyOf(hidden);
            added = added == null ? List.of() : List.copyOf(added);
        }
    }

    private static final ObjectMapper MAPPER = JsonLimits.mapperBuilder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;
    private final Map<String, Choice> byStore;

    public ColumnChoices(Path file) {
        this.file = file;
        this.byStore = read(file);
    }

    /** The user's own choice for the store; none until they show, hide or add a column in it. */
    public Optional<Choice> of(String store) {
        return Optional.ofNullable(byStore.get(store));
    }

    public void remember(String store, Choice choice) {
        byStore.put(store, choice);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> MAPPER.writeValue(out, byStore));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the table's columns to " + file + " (" + e.getMessage() + "); check the folder is writable", e);
        }
    }

    private static Map<String, Choice> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Choice>>() { }));
        } catch (IOException unreadable) {
            return new TreeMap<>(); // only column layout is lost; the next change writes a good file
        }
    }
}
