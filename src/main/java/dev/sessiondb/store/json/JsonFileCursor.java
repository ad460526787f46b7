package dev.sessiondb.store.json;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.PrefetchingCursor;
import java.nio.file.Path;

/** Every record of a JSON file in file order, read as it goes. */
final class JsonFileCursor extends PrefetchingCursor {

    private final JsonRecordReader reader;

    JsonFileCursor(Path file) {
        this.reader = JsonRecordReader.open(file);
    }

    @Override
    protected SessionRecord fetch() {
        return reader.next();
    }

    @Override
    public void close() {
        reader.close();
    }
}
