package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;

/** A cursor over records read one ahead: subclasses only say how to read the next one. */
public abstract class PrefetchingCursor extends PrefetchingIterator<SessionRecord> implements RecordCursor {
}
