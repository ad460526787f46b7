package dev.sessiondb.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;

/** Chat server sessions for tests of message ids, which that server keys across sessions. */
public final class ChatSessions {

    private ChatSessions() {
    }

    /** Session {@code index} of {@link SampleSessions#chatRecord} with its first message given {@code messageId}. */
    public static SessionRecord withFirstMessageId(long index, String messageId) {
        ObjectNode fields = SampleSessions.chatRecord(index).fields();
        ((ObjectNode) fields.withArray("messages").get(0)).put("id", messageId);
        return SessionRecord.of(fields);
    }
}
