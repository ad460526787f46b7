package dev.sessiondb.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of sessions.
 *
 * @param records      the rows, in query order
 * @param totalMatching how many sessions match the query across all pages
 */
public record Page(List<SessionRecord> records, long totalMatching) {

    public Page {
        records = List.copyOf(records);
    }

    /** The key to pass as {@code afterKey} for the next page, when sorting by session. */
    public Optional<String> lastKey() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1).key());
    }
}
