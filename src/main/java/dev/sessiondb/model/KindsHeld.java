package dev.sessiondb.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How many sessions of each kind a store holds: what {@code info} says of a store whose layout alone does not tell (a chat
 * server's sessions written into the native layout).
 *
 * @param counts how many of each kind, only kinds held
 */
public record KindsHeld(Map<SessionKind, Long> counts) {

    /**
     * Above this many sessions a store whose layout does not tell their kinds is not read whole to count them unless asked: at
     * 100,000 the count adds 0.2-0.4 s to a native SQLite store's info and about 0.7 s to a JSON file's, at a million 3-6 s.
     */
    public static final long COUNTED_UNASKED_UP_TO = 100_000;

    public KindsHeld {
        Map<SessionKind, Long> held = new EnumMap<>(SessionKind.class);
        counts.forEach((kind, count) -> {
            if (count > 0) {
                held.put(kind, count);
            }
        });
        counts = Collections.unmodifiableMap(held);
    }

    /** {@code count} sessions, all of one kind: a layout that holds no other. */
    public static KindsHeld only(SessionKind kind, long count) {
        return new KindsHeld(Map.of(kind, count));
    }

    /** The records' kinds, one by one; a damaged record's stand-in is of no kind. */
    public static KindsHeld of(Iterator<SessionRecord> records) {
        Map<SessionKind, Long> counts = new EnumMap<>(SessionKind.class);
        records.forEachRemaining(record -> {
            if (record.damage().isEmpty()) {
                counts.merge(SessionKind.of(record), 1L, Long::sum);
            }
        });
        return new KindsHeld(counts);
    }

    /** "Minsky", "a chat server", "magellai", or "mixed: Minsky 40, chat server 10" (most first); none for a store holding none. */
    public Optional<String> described() {
        if (counts.size() < 2) {
            return counts.keySet().stream().findFirst().map(SessionKind::tool);
        }
        return Optional.of("mixed: " + counts.entrySet().stream().sorted(Map.Entry.<SessionKind, Long>comparingByValue().reversed())
                .map(held -> String.format("%s %,d", held.getKey().toolName(), held.getValue())).collect(Collectors.joining(", ")));
    }
}
