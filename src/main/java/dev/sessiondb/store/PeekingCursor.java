package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ReadTotal;
import java.util.function.Consumer;

/**
 * A cursor's records, each handed to a consumer before it is returned ({@link RecordCursor#peeking}).
 * A class with a name of its own: the console launcher keeps its {@code next} out of the loops
 * that call it, by name (installer/linux/sessiondb.properties).
 */
final class PeekingCursor implements RecordCursor {

    private final RecordCursor cursor;
    private final Consumer<SessionRecord> onEach;

    PeekingCursor(RecordCursor cursor, Consumer<SessionRecord> onEach) {
        this.cursor = cursor;
        this.onEach = onEach;
    }

    @Override
    public boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public SessionRecord next() {
        SessionRecord record = cursor.next();
        onEach.accept(record);
        return record;
    }

    /** The same records, so the same total: a JSON file's estimate reaches the progress through any number of peeks. */
    @Override
    public ReadTotal readTotal() {
        return cursor.readTotal();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
