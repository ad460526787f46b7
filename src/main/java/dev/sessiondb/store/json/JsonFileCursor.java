package dev.sessiondb.store.json;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.PrefetchingCursor;
import java.nio.file.Path;

/** Every record of a JSON file in file order, read as it goes. */
final class JsonFileCursor extends PrefetchingCursor {

    private final JsonRecordReader reader;
    private final ReadCheck check;

    /** @param withCompactTexts whether each record comes with its compact text ({@link JsonRecordReader#openForRecords}) */
    JsonFileCursor(Path file, ReadCheck check, boolean withCompactTexts) {
        this.check = check;
        this.reader = withCompactTexts ? JsonRecordReader.openForRecords(file) : JsonRecordReader.open(file);
    }

    @Override
    protected SessionRecord fetch() {
        SessionRecord record = reader.next();
        check.read(record == null ? null : record.key(), reader);
        return record;
    }

    @Override
    public void close() {
        reader.close();
    }
}
