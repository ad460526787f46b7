package dev.sessiondb.store.jsondir;

import dev.sessiondb.store.ConcurrentWriters;
import java.nio.file.Path;

class JsonDirConcurrencyTest extends ConcurrentWriters {

    @Override
    protected String locator(Path directory) {
        return "jsondir:" + directory.resolve("sessions");
    }
}
