package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.NoSuchElementException;

/** A cursor over records read one ahead: subclasses only say how to read the next one. */
public abstract class PrefetchingCursor implements RecordCursor {

    private SessionRecord next;
    private boolean finished;

    /** The next record, or null when there are no more. */
    protected abstract SessionRecord fetch();

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = fetch();
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
}
