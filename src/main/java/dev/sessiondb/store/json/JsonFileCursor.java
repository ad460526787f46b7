package dev.sessiondb.store.json;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.RecordCursor;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/** Every record of a JSON file in file order, read as it goes. */
final class JsonFileCursor implements RecordCursor {

    private final JsonRecordReader reader;
    private SessionRecord next;
    private boolean finished;

    JsonFileCursor(Path file) {
        this.reader = JsonRecordReader.open(file);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = reader.next();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public SessionRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SessionRecord record = next;
        next = null;
        return record;
    }

    @Override
    public void close() {
        reader.close();
    }
}
