package dev.sessiondb.model;

import java.util.List;

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
    public java.util.Optional<String> lastKey() {
        return records.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(records.get(records.size() - 1).key());
    }
}
