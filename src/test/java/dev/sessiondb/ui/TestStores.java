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

    /** The store, telling {@code called} the name of each method called on it before it runs. */
    public static SessionStore watched(SessionStore store, java.util.function.Consumer<String> called) {
        return (SessionStore) java.lang.reflect.Proxy.newProxyInstance(SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class},
                (proxy, method, args) -> {
                    called.accept(method.getName());
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
