package dev.sessiondb.model;

/** Which tool's session a record is, by the fields that tool gives every session it keeps. */
public enum SessionKind {
    /** Minsky's: keyed by {@code session} or {@code sessionId}, or naming a repository. */
    MINSKY,
    /** magellai's: its conversation is an object of its own. */
    MAGELLAI,
    /** The chat server's: a tenant's session, its messages beside it. */
    CHAT,
    /** Any other tool's. */
    OTHER;

    public static SessionKind of(SessionRecord record) {
        if (record.has("conversation")) {
            return MAGELLAI;
        }
        if (record.has("session") || record.has("sessionId") || record.has("repoName")) {
            return MINSKY;
        }
        return record.has("tenantId") ? CHAT : OTHER;
    }
}
