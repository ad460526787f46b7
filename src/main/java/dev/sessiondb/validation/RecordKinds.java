package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;

/** Which tool's session a record is: rules about Minsky's fields apply to Minsky sessions only. */
final class RecordKinds {

    private RecordKinds() {
    }

    /** A Minsky session: keyed by {@code session} or {@code sessionId}, or naming a repository. */
    static boolean isMinsky(SessionRecord record) {
        return !record.has("conversation") && (record.has("session") || record.has("sessionId") || record.has("repoName"));
    }

    /** A magellai session: its conversation is an object of its own. */
    static boolean isMagellai(SessionRecord record) {
        return record.has("conversation");
    }
}
