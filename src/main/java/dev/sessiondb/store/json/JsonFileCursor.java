package dev.sessiondb.store.json;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ReadTotal;
import dev.sessiondb.store.PrefetchingCursor;
import dev.sessiondb.store.file.BadInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Every record of a JSON file in file order, read as it goes. */
final class JsonFileCursor extends PrefetchingCursor {

    private final JsonRecordReader reader;
    private final ReadCheck check;
    private final long size;
    // what the read got to, for a progress another thread reports: set per record by an ordered store, no syscall
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile boolean readThrough;

    /** @param withCompactTexts whether each record comes with its compact text ({@link JsonRecordReader#openForRecords}) */
    JsonFileCursor(Path file, ReadCheck check, boolean withCompactTexts) {
        this.check = check;
        this.size = BadInput.reading(file, () -> Files.size(file));
        this.reader = withCompactTexts ? JsonRecordReader.openForRecords(file) : JsonRecordReader.open(file);
    }

    @Override
    protected SessionRecord fetch() {
        SessionRecord record = reader.next();
        check.read(record == null ? null : record.key(), reader);
        if (record == null) {
            readThrough = true;
        } else {
            bytesRead.lazySet(reader.bytesRead());
            recordsRead.lazySet(recordsRead.get() + 1);
        }
        return record;
    }

    /** Estimated from the bytes read of the file's size, exact once the file was read through. */
    @Override
    public ReadTotal readTotal() {
        return readThrough ? new ReadTotal(recordsRead.get(), true) : ReadTotal.estimated(recordsRead.get(), bytesRead.get(), size);
    }

    @Override
    public void close() {
        reader.close();
    }
}
