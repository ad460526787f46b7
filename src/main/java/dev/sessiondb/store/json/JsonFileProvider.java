package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.MinskyBackend;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.file.FileStoreProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Minsky's JSON file: a file that starts with an array or an object (or is empty). */
public final class JsonFileProvider extends FileStoreProvider {

    /** Minsky's JSON array, which keeps every field, so native and minsky name the same file. */
    @Override
    public Set<StoreLayout> layoutsHeld() {
        return EnumSet.of(StoreLayout.NATIVE, StoreLayout.MINSKY);
    }

    /** The one name Minsky reads a JSON store by, in its base directory. */
    private static final String MINSKY_FILE_NAME = "session-db.json";

    @Override
    public StoreFormat format() {
        return StoreFormat.JSON;
    }

    /** Minsky reads any JSON session file, but only as {@code <baseDir>/session-db.json}. */
    @Override
    public Optional<MinskyBackend> minskyBackend(StoreLocator locator) {
        Path file = locator.path().toAbsolutePath();
        List<String> notes = file.getFileName().toString().equals(MINSKY_FILE_NAME) ? List.of()
                : List.of("Minsky reads <baseDir>/" + MINSKY_FILE_NAME + ": rename " + file.getFileName() + " to " + MINSKY_FILE_NAME + ".");
        return Optional.of(new MinskyBackend("json", "MINSKY_SESSIONDB_BASE_DIR", "json", "baseDir", file.getParent().toString(), notes, false));
    }

    @Override
    public boolean recognises(Path existing) {
        if (!Files.isRegularFile(existing)) {
            return false;
        }
        try {
            // a byte-order mark, which some Windows editors write, comes before the JSON
            String start = new String(LockSafeReads.head(existing, 16), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").stripLeading();
            return start.isEmpty() || start.startsWith("[") || start.startsWith("{");
        } catch (IOException e) {
            throw new StoreException(existing + ": cannot read the file (" + e.getMessage() + "); check that it exists and is readable", e);
        }
    }

    @Override
    public boolean claimsNewPath(Path absent) {
        return absent.getFileName() != null && absent.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Any JSON document starts as a store does: a file counts only when it reads as one (an earlier export of one session does not). */
    @Override
    public Optional<Path> storeAt(Path file) {
        return super.storeAt(file).filter(this::readsAsStore);
    }

    /**
     * What the window's export writes: a bare array of records, every secret in them masked. Not Minsky's own file
     * ({@code session-db.json}, the one name it reads a JSON store by), nor one sessiondb has written to as a store (its
     * writers' lock is beside it), nor one holding a secret in the clear (an export masks them all).
     */
    @Override
    public boolean mayBeAnExport(Path store) {
        if (store.getFileName().toString().equals(MINSKY_FILE_NAME) || Files.exists(JsonFileStore.lockFileOf(store))) {
            return false;
        }
        try (JsonParser parser = JsonCodec.MAPPER.createParser(store.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                ObjectNode record = (ObjectNode) JsonCodec.FILE_TREE_READER.readTree(parser);
                if (!SecretMasker.mask(record).equals(record)) {
                    return false;
                }
            }
            return parser.currentToken() == JsonToken.END_ARRAY;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private boolean readsAsStore(Path file) {
        // the open reads the whole file and fails on one that is no store
        try (SessionStore opened = open(StoreLocator.of(format(), file), OpenMode.EXISTING)) {
            return true;
        } catch (StoreException notAStore) {
            return false;
        }
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        return JsonFileStore.open(locator, mode);
    }

    @Override
    public SessionStore openToReadThrough(StoreLocator locator) {
        return JsonFileStore.openToReadThrough(locator);
    }

    @Override
    public SessionStore openToLook(StoreLocator locator) {
        return JsonFileStore.openToLook(locator);
    }

    /** The lock {@link JsonFileStore} takes across a write. */
    @Override
    protected Optional<Path> lockFile(Path store) {
        return Optional.of(JsonFileStore.lockFileOf(store));
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException {
        Files.copy(store.locator().path(), folder, StandardCopyOption.COPY_ATTRIBUTES);
        return Optional.of(SnapshotKind.FILE);
    }
}
