package dev.sessiondb.store;

import dev.sessiondb.sample.SampleSessions;

/** Puts sessions one by one into a store: run as a thread or as a separate process to race another writer. */
public final class ConcurrentPutter {

    private ConcurrentPutter() {
    }

    /** Arguments: the store locator, a key prefix, how many sessions. */
    public static void main(String[] args) {
        putAll(args[0], args[1], Integer.parseInt(args[2]));
    }

    static void putAll(String locator, String prefix, int count) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            for (int i = 0; i < count; i++) {
                store.put(SampleSessions.minskyRecord(i, 7).with("session", prefix + i).without("sessionId"));
            }
        }
    }

}
