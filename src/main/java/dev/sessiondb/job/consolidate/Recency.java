package dev.sessiondb.job.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * How recent a record says it is, from its own fields: {@code lastActivityAt} (or magellai's
 * {@code updated}), else {@code pullRequest.updatedAt}, else {@code createdAt}. The first of
 * them that parses as a date counts; a record with none is older than any dated record. A
 * store's file time is never used: copies and migrations change it without changing the session.
 */
public final class Recency {

    private Recency() {
    }

    public static Optional<Instant> of(SessionRecord record) {
        return record.lastActivityAt().flatMap(Timestamp::toInstant)
                .or(() -> record.pullRequest().map(pr -> pr.path("updatedAt")).filter(JsonNode::isTextual)
                        .flatMap(updated -> Timestamp.parse(updated.asText()).toInstant()))
                .or(() -> record.createdAt().flatMap(Timestamp::toInstant));
    }
}
