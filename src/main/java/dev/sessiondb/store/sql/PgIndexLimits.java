package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values PostgreSQL's btree indexes refuse: an index entry holds at most 2704 bytes (a third
 * of an 8 kB page), so a longer session name, task id, repository name or creation date fails the
 * whole write with "index row size … exceeds btree version 4 maximum 2704", naming no record. A
 * plan refuses such a record instead, naming it. The limit is on the UTF-8 bytes, kept well under
 * the maximum for the entry's own header and the key's length word. SQLite has no such limit.
 */
final class PgIndexLimits {

    /** The longest value, in UTF-8 bytes, that every btree index on it takes. */
    static final int MAX_INDEXED_BYTES = 2600;
    /** The fields a store's btree indexes hold (the name as the key; the native layout's task_id, repo_name and created_at). */
    private static final List<SessionField> INDEXED = List.of(SessionField.TASK_ID, SessionField.REPO_NAME, SessionField.CREATED_AT);

    private PgIndexLimits() {
    }

    /** One line per indexed value of this record too long for its index; asked of every record a plan or a write passes. */
    static List<String> refusals(SessionRecord record) {
        if (!anyLong(record)) {
            return List.of();
        }
        List<String> refusals = new ArrayList<>();
        tooLong("its session name", record.key()).ifPresent(refusals::add);
        for (SessionField field : INDEXED) {
            record.text(field).flatMap(value -> tooLong(field.jsonName(), value)).ifPresent(refusals::add);
        }
        return refusals;
    }

    /** Whether any indexed value may be too long: a UTF-16 unit takes at most 3 bytes in UTF-8, so almost every record is passed without a copy made to count them. */
    private static boolean anyLong(SessionRecord record) {
        if (record.key().length() > MAX_INDEXED_BYTES / 3) {
            return true;
        }
        for (SessionField field : INDEXED) {
            // the record's own value, not a copy of all its fields (fields() copies them: a third of this job's time at 300k)
            if (record.text(field).filter(value -> value.length() > MAX_INDEXED_BYTES / 3).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> tooLong(String what, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= MAX_INDEXED_BYTES ? Optional.empty() : Optional.of(what + " is " + bytes + " bytes long in UTF-8 ("
                + value.codePointCount(0, value.length()) + " characters); PostgreSQL's index on it takes at most " + MAX_INDEXED_BYTES
                + " (a btree entry holds 2704 bytes); shorten it in the source");
    }

    /** Whether PostgreSQL refused a write for an index entry too large ("index row size … exceeds btree … maximum"). */
    static boolean isIndexRowTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("index row size") || message.contains("index row requires")) {
                return true;
            }
        }
        return false;
    }
}
