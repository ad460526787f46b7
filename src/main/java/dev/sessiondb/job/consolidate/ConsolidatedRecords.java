package dev.sessiondb.job.consolidate;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.transfer.RecordSource;
import dev.sessiondb.job.transfer.SourceChanges;
import dev.sessiondb.model.SecretMasker;
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
    private final SourceChanges changes;

    /** @param changes the sources' write marks, taken before the consolidation read them */
    ConsolidatedRecords(List<SessionStore> sources, Consolidation consolidation, SourceChanges changes) {
        this.sources = sources;
        this.consolidation = consolidation;
        this.changes = changes;
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
                    long at = position++;
                    Optional<Consolidation.Settled> written = consolidation.written(source, at);
                    written.ifPresent(settled -> requireAsRead(settled, record, at));
                    if (at == 0) {
                        // the source's read has its snapshot now; sessions updated in place before it keep every position, so only
                        // the write mark tells that their settlement was made on other versions
                        changes.requireUnwritten(source, "consolidation");
                    }
                    if (written.isPresent()) {
                        String key = written.get().writtenKey();
                        return key.equals(record.key()) ? record : renamed(record, key);
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

    /**
     * The write reads each source again and takes its records by position: another program that added or removed a session
     * since the consolidation read it moves the records, and one would be written as another's version or under another's key.
     * The write stops instead (rolled back: nothing is written).
     */
    private void requireAsRead(Consolidation.Settled written, SessionRecord record, long position) {
        if (!written.entry().key().equals(record.key())) {
            int source = written.entry().source();
            throw new JobRefusedException("source " + (source + 1) + " (" + sources.get(source).locator().display() + ") changed after the"
                    + " consolidation read it: its record " + (position + 1) + " is now " + SecretMasker.maskText("session", record.key()) + ", not "
                    + SecretMasker.maskText("session", written.entry().key()) + "; nothing was written; run the consolidation again to read it as it is now");
        }
    }

    /** The record under a new key, set in the field that holds its key ({@code session}, {@code sessionId} or {@code id}). */
    private static SessionRecord renamed(SessionRecord record, String key) {
        String field = SessionRecord.KEY_FIELDS.stream().filter(name -> record.field(name).filter(value -> value.isTextual() && value.asText().equals(record.key())).isPresent())
                .findFirst().orElseThrow();
        return record.with(field, key);
    }
}
