package dev.sessiondb.store.json;

import dev.sessiondb.store.ConcurrentWriters;
import java.nio.file.Path;

class JsonFileConcurrencyTest extends ConcurrentWriters {

    @Override
    protected String locator(Path directory) {
        return "json:" + directory.resolve("session-db.json");
    }
}
