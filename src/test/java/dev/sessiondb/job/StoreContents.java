package dev.sessiondb.job;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What tests look at in a store: its records, and the bytes of its files. */
public final class StoreContents {

    private StoreContents() {
    }

    public static List<SessionRecord> records(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING); RecordCursor cursor = store.cursor()) {
            List<SessionRecord> records = new ArrayList<>();
            cursor.forEachRemaining(records::add);
            return records;
        }
    }

    public static List<SessionRecord> records(String locator) {
        return records(StoreLocator.parse(locator));
    }

    /** Records sorted by key: stores of different formats keep different orders. */
    public static List<SessionRecord> byKey(List<SessionRecord> records) {
        return records.stream().sorted(Comparator.comparing(SessionRecord::key)).toList();
    }

    /** Records as canonical JSON text: equal content compares equal whatever number node types a parser chose. */
    public static List<String> canonical(List<SessionRecord> records) {
        return records.stream().map(record -> JsonCodec.canonical(record.fields())).toList();
    }

    /** Makes a store holding exactly these records. */
    public static StoreLocator create(String locator, List<SessionRecord> records) {
        StoreLocator parsed = StoreLocator.parse(locator);
        try (SessionStore store = StoreFactory.open(parsed, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return parsed;
    }

    /** Every file below a path (or the file itself) with its bytes, to compare a store byte for byte. */
    public static Map<String, byte[]> bytes(Path path) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(path)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
