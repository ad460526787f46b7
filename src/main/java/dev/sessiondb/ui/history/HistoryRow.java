package dev.sessiondb.ui.history;

import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.ui.common.StoreNames;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One job of the History view, in words: when, which job, from and to which stores (by names that tell apart stores of one
 * file name, and in full for the tooltip), how it ended, what it counted; and for a run refused or failed without a report,
 * why; for one killed, what it left in its target.
 */
public record HistoryRow(PastJob job, String when, String kind, String stores, String storesInFull, String outcome, String counts,
                         String undone, String note) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** @param storeName what the row calls a store of its job (see {@link StoreNames#distinctNames}) */
    public static HistoryRow of(PastJob job, ZoneId zone, Function<String, String> storeName) {
        String stores = StoreNames.route(job.sources(), job.target(), storeName);
        String storesInFull = StoreNames.route(job.sources(), job.target(), StoreNames::shown);
        String outcome = job.ending();
        String counts = job.counts().entrySet().stream().map(count -> count.getKey() + " " + String.format("%,d", count.getValue()))
                .collect(Collectors.joining(", "));
        String undone = job.undoneAt().map(when -> "undone " + WHEN.format(when.atZone(zone))).orElse("");
        String note = job.stopReason().or(job::unfinishedTarget).or(() -> job.undoneBy().map(by -> "undone " + by)).orElse("");
        return new HistoryRow(job, WHEN.format(job.startedAt().atZone(zone)), job.kind(), stores, storesInFull, outcome, counts, undone, note);
    }
}
