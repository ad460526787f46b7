package dev.sessiondb.job.consolidate;

import dev.sessiondb.job.transfer.RecordSource;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.PrefetchingCursor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.util.List;
import java.util.Optional;

/** The consolidated store's records, streamed from the sources in order as the consolidation settled them. */
final class ConsolidatedRecords implements RecordSource {

    private final List<SessionStore> sources;
    private final Consolidation consolidation;

    ConsolidatedRecords(List<SessionStore> sources, Consolidation consolidation) {
        this.sources = sources;
        this.consolidation = consolidation;
    }

    @Override
    public long count() {
        return consolidation.writtenRecords();
    }

    @Override
    public RecordCursor open() {
        return new PrefetchingCursor() {
            private int source = -1;
            private long position;
            private RecordCursor current;

            @Override
            protected SessionRecord fetch() {
                while (true) {
                    if (current == null || !current.hasNext()) {
                        if (!advanceSource()) {
                            return null;
                        }
                        continue;
                    }
                    SessionRecord record = current.next();
                    Optional<String> key = consolidation.writtenKey(source, position++);
                    if (key.isPresent()) {
                        return key.get().equals(record.key()) ? record : renamed(record, key.get());
                    }
                }
            }

            private boolean advanceSource() {
                close();
                if (++source >= sources.size()) {
                    return false;
                }
                current = sources.get(source).cursorForCopying();
                position = 0;
                return true;
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    /** The record under a new key, set in the field that holds its key ({@code session}, {@code sessionId} or {@code id}). */
    private static SessionRecord renamed(SessionRecord record, String key) {
        String field = SessionRecord.KEY_FIELDS.stream().filter(name -> record.field(name).filter(value -> value.isTextual() && value.asText().equals(record.key())).isPresent())
                .findFirst().orElseThrow();
        return record.with(field, key);
    }
}
