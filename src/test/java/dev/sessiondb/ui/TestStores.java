package dev.sessiondb.ui;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.Iterator;

/** Real stores for UI tests: a copy of the Minsky fixture, or a store filled with sample sessions. */
public final class TestStores {

    private TestStores() {
    }

    public static Path fixtureCopy(Path directory) {
        return Fixtures.copy(Fixtures.MINSKY_ARRAY, directory);
    }

    public static SessionStore openFixtureCopy(Path directory) {
        return StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixtureCopy(directory)), OpenMode.EXISTING);
    }

    public static SessionStore withRecords(Path file, Iterator<SessionRecord> records, long count) {
        SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING);
        store.write(WriteBatch.replaceAll(records, count), ProgressMonitor.NONE);
        return store;
    }
}
