package dev.sessiondb.store.jsondir;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

/** magellai's own sessions (keyed by {@code id}, with conversations) in a directory store. */
class JsonDirMagellaiConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        return JsonDirStore.open(StoreLocator.of(StoreFormat.JSONDIR, directory.resolve("sessions")), OpenMode.CREATE_IF_MISSING);
    }

    @Override
    protected List<SessionRecord> sampleRecords() {
        return LongStream.range(0, 60).mapToObj(SampleSessions::magellaiRecord).toList();
    }
}
