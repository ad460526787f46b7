package dev.sessiondb.job.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash each record should have in the target ({@link SessionStore#hashAsStored}: less the fields its layout cannot hold, values normalised),
 * taken while the records pass on their way there, so verification reads only the target.
 * One hash per record, in source order.
 */
public final class ExpectedHashes {

    private final Map<String, String> byKey = new LinkedHashMap<>();

    /** Reads the whole source once: for a target written by another run. */
    static ExpectedHashes of(RecordSource records, SessionStore target) {
        ExpectedHashes hashes = new ExpectedHashes();
        try (RecordCursor cursor = hashes.recording(records.open(), target)) {
            cursor.forEachRemaining(record -> { });
        }
        return hashes;
    }

    /** The same records as {@code cursor}, each hashed as it is handed on. */
    RecordCursor recording(RecordCursor cursor, SessionStore target) {
        return RecordCursor.peeking(cursor, record -> byKey.put(record.key(), hashAsWritten(record, target)));
    }

    /** What is left is missing from the target; callers take keys out as they find them. */
    Map<String, String> byKey() {
        return byKey;
    }

    /** The record as reading it back from the target gives it: what verification compares against. */
    static ObjectNode fieldsAsWritten(SessionRecord record, SessionStore target) {
        return target.asStored(record);
    }

    private static String hashAsWritten(SessionRecord record, SessionStore target) {
        return target.hashAsStored(record);
    }
}
