package dev.sessiondb.store.json;

import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;

/** Puts sessions one by one into a JSON file store: run as a thread or as a separate process to race another writer. */
final class ConcurrentPutter {

    private ConcurrentPutter() {
    }

    /** Arguments: the store file, a key prefix, how many sessions. */
    public static void main(String[] args) {
        putAll(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
    }

    static void putAll(Path file, String prefix, int count) {
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING)) {
            for (int i = 0; i < count; i++) {
                store.put(SampleSessions.minskyRecord(i, 7).with("session", prefix + i).without("sessionId"));
            }
        }
    }

}
