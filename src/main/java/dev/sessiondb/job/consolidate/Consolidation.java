package dev.sessiondb.job.consolidate;

import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which record of which source ends up in the consolidated store, decided from one pass over
 * the sources that keeps a hash and a timestamp per record, never the records themselves.
 * Every input record is settled exactly once: kept, renamed, dropped as an identical
 * duplicate, or superseded by the conflict policy.
 */
public final class Consolidation {

    /** One input record: its source (0-based, in the order given), its position there, its content hash and recency. */
    public record Entry(int source, long position, String key, String hash, Optional<Instant> recency) {
    }

    public enum Fate { KEPT, RENAMED, IDENTICAL_DUPLICATE, SUPERSEDED }

    /** @param writtenKey the key the record is written under; null when it is not written */
    public record Settled(Entry entry, Fate fate, String writtenKey) {
    }

    /** One key held with different content by several sources, and how it was settled. */
    public record Conflict(String key, List<Settled> versions, String settlement) {
    }

    private final List<Settled> settled = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final Map<Integer, Map<Long, String>> writtenKeys = new HashMap<>();
    private final ConflictPolicy policy;
    private final Map<String, Integer> choices;

    private Consolidation(ConflictPolicy policy, Map<String, Integer> choices) {
        this.policy = policy;
        this.choices = choices;
    }

    /** @param choices conflicts settled by the user: key to the 0-based source whose version wins, before the policy */
    public static Consolidation analyse(List<SessionStore> sources, ConflictPolicy policy, Map<String, Integer> choices,
                                        ProgressMonitor monitor) {
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        long total = sources.stream().mapToLong(SessionStore::count).sum();
        long done = 0;
        for (int source = 0; source < sources.size(); source++) {
            try (RecordCursor cursor = sources.get(source).cursor()) {
                long position = 0;
                while (cursor.hasNext()) {
                    SessionRecord record = cursor.next();
                    byKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(new Entry(source, position++, record.key(), RecordHash.of(record), Recency.of(record)));
                    monitor.progress(++done, total);
                    monitor.checkCancelled();
                }
            }
        }
        Consolidation consolidation = new Consolidation(policy, choices);
        Set<String> takenKeys = new HashSet<>(byKey.keySet());
        byKey.values().forEach(versions -> consolidation.settle(versions, takenKeys));
        return consolidation;
    }

    public List<Settled> settled() {
        return settled;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Conflicts neither the user nor the policy settled ({@link ConflictPolicy#FAIL}): the job refuses while there are any. */
    public List<Conflict> unsettled() {
        return policy != ConflictPolicy.FAIL ? List.of() : conflicts.stream().filter(conflict -> !choices.containsKey(conflict.key())).toList();
    }

    public long inputRecords() {
        return settled.size();
    }

    public long writtenRecords() {
        return settled.stream().filter(entry -> entry.writtenKey() != null).count();
    }

    public Map<Fate, Long> fateCounts() {
        Map<Fate, Long> counts = new EnumMap<>(Fate.class);
        for (Fate fate : Fate.values()) {
            counts.put(fate, 0L);
        }
        settled.forEach(entry -> counts.merge(entry.fate(), 1L, Long::sum));
        return counts;
    }

    /** The key to write the record at this source and position under, or empty when it is not written. */
    Optional<String> writtenKey(int source, long position) {
        return Optional.ofNullable(writtenKeys.getOrDefault(source, Map.of()).get(position));
    }

    private void settle(List<Entry> versions, Set<String> takenKeys) {
        List<String> distinct = versions.stream().map(Entry::hash).distinct().toList();
        if (distinct.size() == 1) {
            write(versions.get(0), Fate.KEPT, versions.get(0).key());
            versions.subList(1, versions.size()).forEach(entry -> drop(entry, Fate.IDENTICAL_DUPLICATE));
            return;
        }
        int before = settled.size();
        Optional<Entry> chosen = versions.stream().filter(entry -> Integer.valueOf(entry.source()).equals(choices.get(entry.key()))).findFirst();
        String settlement = chosen.isPresent() ? keepOne(versions, chosen.get(), "chosen") : switch (policy) {
            case KEEP_BOTH -> keepBoth(versions, takenKeys);
            case NEWEST -> keepOne(versions, versions.stream().max(Comparator.comparing((Entry entry) -> entry.recency().orElse(Instant.MIN))
                    .thenComparing(Comparator.comparingInt(Entry::source).reversed())).orElseThrow(), "newest");
            case FIRST -> keepOne(versions, versions.get(0), "first");
            case FAIL -> {
                keepOne(versions, versions.get(0), "first"); // placed so that the plan's counts add up; the run refuses while unsettled
                yield "unsettled (--on-conflict fail): no version is kept until one is chosen";
            }
        };
        conflicts.add(new Conflict(versions.get(0).key(), List.copyOf(settled.subList(before, settled.size())), settlement));
    }

    private String keepOne(List<Entry> versions, Entry winner, String rule) {
        for (Entry entry : versions) {
            if (entry == winner) {
                write(entry, Fate.KEPT, entry.key());
            } else {
                drop(entry, entry.hash().equals(winner.hash()) ? Fate.IDENTICAL_DUPLICATE : Fate.SUPERSEDED);
            }
        }
        return rule + ": kept the version from source " + (winner.source() + 1);
    }

    private String keepBoth(List<Entry> versions, Set<String> takenKeys) {
        Set<String> writtenHashes = new HashSet<>();
        List<String> renames = new ArrayList<>();
        for (Entry entry : versions) {
            if (!writtenHashes.add(entry.hash())) {
                drop(entry, Fate.IDENTICAL_DUPLICATE);
            } else if (entry == versions.get(0)) {
                write(entry, Fate.KEPT, entry.key());
            } else {
                String renamed = freeKey(entry.key() + "~" + (entry.source() + 1), takenKeys);
                write(entry, Fate.RENAMED, renamed);
                renames.add(SecretMasker.maskText("session", renamed)); // the settlement is shown and reported
            }
        }
        return "keep-both: source " + (versions.get(0).source() + 1) + " kept the key, other versions became " + String.join(", ", renames);
    }

    private static String freeKey(String wanted, Set<String> takenKeys) {
        String key = wanted;
        for (int attempt = 2; !takenKeys.add(key); attempt++) {
            key = wanted + "-" + attempt;
        }
        return key;
    }

    private void write(Entry entry, Fate fate, String key) {
        settled.add(new Settled(entry, fate, key));
        writtenKeys.computeIfAbsent(entry.source(), source -> new HashMap<>()).put(entry.position(), key);
    }

    private void drop(Entry entry, Fate fate) {
        settled.add(new Settled(entry, fate, null));
    }
}
