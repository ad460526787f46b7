package dev.sessiondb.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One value of a field and how many sessions have it: a line of a filter's pick list.
 *
 * @param value the value as {@link SortKey#valueOf} gives it, which is what a {@link FieldFilter} compares with;
 *              empty for the sessions that have no value there
 */
public record ValueCount(Optional<String> value, long count) {

    /** The reference order of the values every backend returns: the most frequent first, ties by value. */
    public static final Comparator<ValueCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(ValueCount::count).reversed().thenComparing(count -> count.value().orElseThrow());

    public ValueCount(String value, long count) {
        this(Optional.of(value), count);
    }

    /** The sessions without a value, counted. */
    public static ValueCount withoutValue(long count) {
        return new ValueCount(Optional.empty(), count);
    }

    /**
     * Counts the values of a field over records; the reference for every backend. When some
     * sessions have no value there, their count comes first, so the pick list can offer them.
     */
    public static List<ValueCount> tally(Iterator<SessionRecord> records, SortKey field, int limit) {
        return tally(records, record -> true, field, limit);
    }

    /** As {@link #tally(Iterator, SortKey, int)}, over the records {@code counted} accepts. */
    public static List<ValueCount> tally(Iterator<SessionRecord> records, Predicate<SessionRecord> counted, SortKey field, int limit) {
        Map<String, Long> counts = new HashMap<>();
        long[] withoutValue = {0};
        records.forEachRemaining(record -> {
            if (counted.test(record)) {
                field.valueOf(record).ifPresentOrElse(value -> counts.merge(value, 1L, Long::sum), () -> withoutValue[0]++);
            }
        });
        return withFirst(withoutValue[0], counts.entrySet().stream().map(entry -> new ValueCount(entry.getKey(), entry.getValue()))
                .sorted(MOST_FREQUENT_FIRST).limit(limit).toList());
    }

    /** The values after the count of the sessions without one, when there are such sessions. */
    public static List<ValueCount> withFirst(long withoutValue, List<ValueCount> values) {
        if (withoutValue == 0) {
            return values;
        }
        List<ValueCount> all = new ArrayList<>();
        all.add(withoutValue(withoutValue));
        all.addAll(values);
        return all;
    }
}
