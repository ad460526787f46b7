package dev.sessiondb.ui.history;

import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.ui.common.StoreNames;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * One job of the History view, in words: when, which job, from and to which stores (by names that tell apart stores of one
 * file name, and in full for the tooltip), how it ended, when it was undone; and its whole story for the details below the
 * table (see {@link RunStory}).
 */
public record HistoryRow(PastJob job, String when, String kind, String stores, String storesInFull, String outcome, String undone,
                         String story) {

    /** @param storeName what the row calls a store of its job (see {@link StoreNames#distinctNames}) */
    public static HistoryRow of(PastJob job, ZoneId zone, Function<String, String> storeName) {
        String stores = StoreNames.route(job.sources(), job.target(), storeName);
        String storesInFull = StoreNames.route(job.sources(), job.target(), StoreNames::shown);
        String undone = job.undoneAt().map(when -> RunStory.time(when, zone)).orElse("");
        return new HistoryRow(job, RunStory.time(job.startedAt(), zone), job.kind(), stores, storesInFull, job.ending(), undone,
                RunStory.of(job, zone));
    }
}
