package dev.sessiondb.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One value of a field and how many sessions have it: a line of a filter's pick list.
 *
 * @param value the value as {@link SortKey#valueOf} gives it, which is what a {@link FieldFilter} compares with
 */
public record ValueCount(String value, long count) {

    /** The reference order every backend returns: the most frequent first, ties by value. */
    public static final Comparator<ValueCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value);

    /** Counts the values of a field over records (sessions without a value are left out); the reference for every backend. */
    public static List<ValueCount> tally(Iterator<SessionRecord> records, SortKey field, int limit) {
        return tally(records, record -> true, field, limit);
    }

    /** As {@link #tally(Iterator, SortKey, int)}, over the records {@code counted} accepts. */
    public static List<ValueCount> tally(Iterator<SessionRecord> records, java.util.function.Predicate<SessionRecord> counted, SortKey field, int limit) {
        Map<String, Long> counts = new HashMap<>();
        records.forEachRemaining(record -> {
            if (counted.test(record)) {
                field.valueOf(record).ifPresent(value -> counts.merge(value, 1L, Long::sum));
            }
        });
        return counts.entrySet().stream().map(entry -> new ValueCount(entry.getKey(), entry.getValue()))
                .sorted(MOST_FREQUENT_FIRST).limit(limit).toList();
    }
}
