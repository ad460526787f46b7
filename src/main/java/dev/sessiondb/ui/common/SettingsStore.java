package dev.sessiondb.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@link AppSettings} as JSON. Writes are atomic (a temporary file moved into
 * place); an unreadable settings file is moved aside rather than overwritten, so nothing is lost.
 */
public final class SettingsStore {

    private static final ObjectMapper MAPPER = JsonLimits.mapperBuilder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;
    private AppSettings current;

    public SettingsStore(Path file) {
        this.file = file;
        this.current = read(file);
    }

    public Path file() {
        return file;
    }

    /** Synchronized with {@link #update}: the saved stores' first read ({@link SavedStoreList#load}) runs on a background thread. */
    public synchronized AppSettings get() {
        return current;
    }

    public synchronized void update(UnaryOperator<AppSettings> change) {
        current = change.apply(current);
        write(current);
    }

    private static AppSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            return MAPPER.readValue(file.toFile(), AppSettings.class);
        } catch (IOException unreadable) {
            moveAside(file);
            return AppSettings.defaults();
        }
    }

    private static void moveAside(Path file) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable settings file " + file + " aside; fix or delete it", e);
        }
    }

    private void write(AppSettings settings) {
        try {
            AtomicFiles.createOwnerOnlyDirectories(file.getParent());
            AtomicFiles.write(file, out -> MAPPER.writeValue(out, settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings to " + file + " (" + e.getMessage() + "); check the folder is writable", e);
        }
    }
}
