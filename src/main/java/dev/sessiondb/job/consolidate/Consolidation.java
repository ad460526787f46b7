package dev.sessiondb.job.consolidate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.transfer.Verification;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Which record of which source ends up in the consolidated store, decided from one pass over
 * the sources that keeps a hash and a timestamp per record, never the records themselves.
 * Every input record is settled exactly once: kept, renamed, dropped as an identical
 * duplicate, or superseded by the conflict policy.
 *
 * <p>In a merge the target's own version of a key takes part too, after every source in
 * priority order: {@code newest} keeps it when it is newer than every source's, and a source's
 * version that replaces a newer one in the target is said so in the settlement.</p>
 */
public final class Consolidation {

    /** One version of a key: its source (0-based, in the order given, or {@link #TARGET}), its position there, its content hash and recency. */
    public record Entry(int source, long position, String key, String hash, Optional<Instant> recency) {

        /** The merge target's own version: last in priority order, never written (the target holds it already). */
        public static final int TARGET = Integer.MAX_VALUE;

        public boolean inTarget() {
            return source == TARGET;
        }

        /** "source 2" or "the target". */
        public String label() {
            return inTarget() ? "the target" : "source " + (source + 1);
        }
    }

    public enum Fate { KEPT, RENAMED, IDENTICAL_DUPLICATE, SUPERSEDED }

    /** How a conflict was settled, for words that do not parse the settlement. */
    public enum Rule { CHOSEN, NEWEST, NEWEST_TIE, FIRST, KEEP_BOTH, UNSETTLED }

    /** @param writtenKey the key the record is written under; null when it is not written */
    public record Settled(Entry entry, Fate fate, String writtenKey) {
    }

    /**
     * One key held with different content by several sources (or by a source and the merge target), and how it was settled.
     *
     * @param differingFields the names of the fields whose values are not the same in every version, never the values
     * @param replacesNewer   a source's version is written over a newer version in the target
     */
    public record Conflict(String key, List<Settled> versions, String settlement, Rule rule, List<String> differingFields, boolean replacesNewer) {

        /** The version kept under the key. */
        public Entry kept() {
            return versions.stream().filter(version -> version.fate() == Fate.KEPT).findFirst().orElseThrow().entry();
        }

        /** "1, 3" or "1, target": who holds a version, sources numbered from 1 in priority order, a merge target last. */
        public String holders() {
            return versions.stream().map(version -> version.entry().inTarget() ? "target" : String.valueOf(version.entry().source() + 1))
                    .distinct().collect(Collectors.joining(", "));
        }

        Conflict withDifferingFields(List<String> fields) {
            return new Conflict(key, versions, settlement, rule, List.copyOf(fields), replacesNewer);
        }
    }

    /** Every input record as settled, in source order and then position order there, once the analysis is done: the write looks them up by both. */
    private final List<Settled> settled = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final LostValues lostValues = new LostValues();
    /** How many of a merge target's own sessions of each kind the merge leaves in it: those no written record replaces. */
    private final Map<SessionKind, Long> keptTargetKinds = new EnumMap<>(SessionKind.class);
    private final ConflictPolicy policy;
    private final Map<String, Integer> choices;

    private static final Comparator<Settled> IN_SOURCE_ORDER = Comparator.<Settled>comparingInt(each -> each.entry().source())
            .thenComparingLong(each -> each.entry().position());

    private Consolidation(ConflictPolicy policy, Map<String, Integer> choices) {
        this.policy = policy;
        this.choices = choices;
    }

    /** Consolidation into a new or replaced target: the sources alone take part. */
    public static Consolidation analyse(List<SessionStore> sources, ConflictPolicy policy, Map<String, Integer> choices,
                                        ProgressMonitor monitor) {
        return analyse(sources, Optional.empty(), policy, choices, monitor);
    }

    /**
     * @param mergeTarget the target the records are merged into, whose own versions take part in the conflicts
     * @param choices     conflicts settled by the user: key to the 0-based source whose version wins, or {@link Entry#TARGET}
     *                    for the merge target's own, before the policy
     */
    public static Consolidation analyse(List<SessionStore> sources, Optional<SessionStore> mergeTarget, ConflictPolicy policy,
                                        Map<String, Integer> choices, ProgressMonitor monitor) {
        // compared as the target stores them, so a version the target holds already is not a conflict with itself
        Function<SessionRecord, ObjectNode> compared = mergeTarget.<Function<SessionRecord, ObjectNode>>map(target -> target::asStored)
                .orElse(SessionRecord::fields);
        Function<SessionRecord, String> hash = mergeTarget.isPresent() ? record -> RecordHash.of(compared.apply(record)) : RecordHash::of;
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        long total = sources.stream().mapToLong(SessionStore::count).sum();
        long[] done = {0};
        for (int source = 0; source < sources.size(); source++) {
            int number = source;
            readEach(sources.get(source), monitor, (record, position) -> {
                byKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(new Entry(number, position, record.key(), hash.apply(record), Recency.of(record)));
                monitor.progress(++done[0], total);
            });
        }
        Map<String, Entry> targetVersions = new HashMap<>();
        // a renamed version must not take a key the merge target holds: the merge would write over that record
        Set<String> takenKeys = new HashSet<>(byKey.keySet());
        Consolidation consolidation = new Consolidation(policy, choices);
        // the kind of each target version a source holds too: the target keeps it only if the settlement writes none over it
        Map<String, SessionKind> contestedKinds = new HashMap<>();
        mergeTarget.ifPresent(target -> {
            monitor.message("reading the target's own versions");
            readEach(target, monitor, (record, position) -> {
                takenKeys.add(record.key());
                if (byKey.containsKey(record.key())) {
                    targetVersions.put(record.key(), new Entry(Entry.TARGET, position, record.key(), hash.apply(record), Recency.of(record)));
                    contestedKinds.put(record.key(), SessionKind.of(record));
                } else {
                    consolidation.keptTargetKinds.merge(SessionKind.of(record), 1L, Long::sum);
                }
            });
        });
        byKey.values().forEach(versions -> consolidation.settle(versions, Optional.ofNullable(targetVersions.get(versions.get(0).key())), takenKeys));
        Set<String> writtenKeys = consolidation.settled.stream().map(Settled::writtenKey).filter(Objects::nonNull).collect(Collectors.toSet());
        contestedKinds.forEach((key, kind) -> {
            if (!writtenKeys.contains(key)) {
                consolidation.keptTargetKinds.merge(kind, 1L, Long::sum);
            }
        });
        consolidation.settled.sort(IN_SOURCE_ORDER);
        consolidation.nameDifferingFields(sources, mergeTarget, compared, monitor);
        return consolidation;
    }

    private interface RecordAt {
        void accept(SessionRecord record, long position);
    }

    private static void readEach(SessionStore store, ProgressMonitor monitor, RecordAt each) {
        try (RecordCursor cursor = store.cursor()) {
            long position = 0;
            while (cursor.hasNext()) {
                each.accept(cursor.next(), position++);
                monitor.checkCancelled();
            }
        }
    }

    /**
     * A second pass, only over the conflicting keys, keeps each key's first version and names the
     * fields another version differs in: the report shows what a settlement dropped without holding every record.
     * It also compares each dropped version with the kept one ({@link LostValues}).
     */
    private void nameDifferingFields(List<SessionStore> sources, Optional<SessionStore> mergeTarget, Function<SessionRecord, ObjectNode> compared,
                                     ProgressMonitor monitor) {
        if (conflicts.isEmpty()) {
            return;
        }
        monitor.message("naming the fields the conflicting versions differ in");
        Map<String, ObjectNode> firstVersions = new HashMap<>();
        Map<String, Set<String>> differing = new HashMap<>();
        Map<String, Conflict> byKey = new HashMap<>();
        conflicts.forEach(conflict -> {
            differing.put(conflict.key(), new TreeSet<>());
            byKey.put(conflict.key(), conflict);
        });
        IntFunction<RecordAt> compareFrom = holder -> (record, position) -> {
            Conflict conflict = byKey.get(record.key());
            if (conflict != null) {
                ObjectNode version = compared.apply(record);
                ObjectNode first = firstVersions.putIfAbsent(record.key(), version);
                if (first != null) {
                    Verification.differingFields(first, version).forEach(name -> differing.get(record.key()).add(SecretMasker.maskText("field", name)));
                }
                noteKeptOrDropped(conflict, holder, position, version);
            }
        };
        for (int source = 0; source < sources.size(); source++) {
            readEach(sources.get(source), monitor, compareFrom.apply(source));
        }
        mergeTarget.ifPresent(target -> readEach(target, monitor, compareFrom.apply(Entry.TARGET)));
        conflicts.replaceAll(conflict -> conflict.withDifferingFields(List.copyOf(differing.get(conflict.key()))));
    }

    /** The kept version, and a source's version superseded (the target's own is overwritten, its backup keeps it), for {@link #droppedVersions}. */
    private void noteKeptOrDropped(Conflict conflict, int holder, long position, ObjectNode version) {
        conflict.versions().stream().filter(each -> each.entry().source() == holder && each.entry().position() == position).findFirst()
                .ifPresent(each -> {
                    if (each.fate() == Fate.KEPT) {
                        lostValues.kept(conflict.key(), version);
                    } else if (each.fate() == Fate.SUPERSEDED && !each.entry().inTarget()) {
                        lostValues.dropped(conflict.key(), version);
                    }
                });
    }

    public List<Settled> settled() {
        return settled;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** How many sessions (by key) two or more sources hold, whether their versions differ or not. */
    public long sharedSessions() {
        Map<String, Set<Integer>> sourcesByKey = new HashMap<>();
        settled.stream().map(Settled::entry).filter(entry -> !entry.inTarget())
                .forEach(entry -> sourcesByKey.computeIfAbsent(entry.key(), key -> new HashSet<>()).add(entry.source()));
        return sourcesByKey.values().stream().filter(holders -> holders.size() > 1).count();
    }

    /** Conflicts neither the user nor the policy settled ({@link ConflictPolicy#FAIL}): the job refuses while there are any. */
    public List<Conflict> unsettled() {
        return policy != ConflictPolicy.FAIL ? List.of() : conflicts.stream().filter(conflict -> !choices.containsKey(conflict.key())).toList();
    }

    /** How many records the analysis read from source {@code source} (0-based). */
    public long recordsRead(int source) {
        return settled.stream().filter(each -> each.entry().source() == source).count();
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

    /**
     * The source versions conflicts leave out of the result that hold a value the kept version of their session does not (superseded,
     * never identical duplicates), and the fields they hold such values in: what a settlement drops, which the sources still hold.
     */
    public Optional<DroppedVersions> droppedVersions() {
        return lostValues.lost();
    }

    /** @param fields the names (never values) of the fields whose dropped values the kept versions do not hold, sorted */
    public record DroppedVersions(long versions, List<String> fields) {
    }

    /** How many of the merge target's own sessions of each kind it still holds after the merge; none into a new or replaced target. */
    public Map<SessionKind, Long> keptTargetKinds() {
        return keptTargetKinds;
    }

    /** Conflicts the merge target's own version won: no source's version is written for them. */
    public long keptFromTarget() {
        return conflicts.stream().filter(conflict -> conflict.kept().inTarget()).count();
    }

    /** Conflicts where a source's version is written over a newer version in the merge target. */
    public long newerTargetVersionsReplaced() {
        return conflicts.stream().filter(Conflict::replacesNewer).count();
    }

    /**
     * The record at this source and position as settled to be written (its key as read, the key to write it under), or empty when it
     * is not written: found in the settled records, which the analysis left in that order, without a map of its own beside them.
     */
    Optional<Settled> written(int source, long position) {
        int low = 0;
        int high = settled.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Entry entry = settled.get(middle).entry();
            int order = entry.source() != source ? Integer.compare(entry.source(), source) : Long.compare(entry.position(), position);
            if (order == 0) {
                return Optional.of(settled.get(middle)).filter(found -> found.writtenKey() != null);
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    private void settle(List<Entry> fromSources, Optional<Entry> inTarget, Set<String> takenKeys) {
        List<Entry> versions = new ArrayList<>(fromSources);
        inTarget.ifPresent(versions::add);
        if (versions.stream().map(Entry::hash).distinct().count() == 1) {
            write(fromSources.get(0), Fate.KEPT, fromSources.get(0).key());
            fromSources.subList(1, fromSources.size()).forEach(entry -> drop(entry, Fate.IDENTICAL_DUPLICATE));
            return;
        }
        List<Settled> outcome = new ArrayList<>();
        Optional<Entry> chosen = versions.stream().filter(entry -> Integer.valueOf(entry.source()).equals(choices.get(entry.key()))).findFirst();
        Settlement settlement = chosen.isPresent() ? keepOne(versions, chosen.get(), Rule.CHOSEN, "chosen", outcome) : switch (policy) {
            case KEEP_BOTH -> keepBoth(versions, inTarget, takenKeys, outcome);
            case NEWEST -> newest(versions, outcome);
            case FIRST -> keepOne(versions, versions.get(0), Rule.FIRST, "first", outcome);
            case FAIL -> {
                keepOne(versions, versions.get(0), Rule.FIRST, "first", outcome); // placed so that the plan's counts add up; the run refuses while unsettled
                yield new Settlement(Rule.UNSETTLED, "unsettled (--on-conflict fail): no version is kept until one is chosen", false);
            }
        };
        conflicts.add(new Conflict(versions.get(0).key(), List.copyOf(outcome), settlement.words(), settlement.rule(), List.of(),
                settlement.replacesNewer()));
    }

    private record Settlement(Rule rule, String words, boolean replacesNewer) {
    }

    /** The latest own timestamp wins; versions equally recent (or all undated) are a tie, which priority order breaks. */
    private Settlement newest(List<Entry> versions, List<Settled> outcome) {
        Instant latest = versions.stream().map(entry -> entry.recency().orElse(Instant.MIN)).max(Comparator.naturalOrder()).orElseThrow();
        List<Entry> tied = versions.stream().filter(entry -> entry.recency().orElse(Instant.MIN).equals(latest)).toList();
        Entry winner = tied.get(0); // versions are in priority order: the sources as given, the target last
        if (tied.stream().map(Entry::hash).distinct().count() == 1) {
            return keepOne(versions, winner, Rule.NEWEST, "newest", outcome);
        }
        String between = String.join(", ", tied.stream().map(Entry::label).distinct().toList());
        String tie = latest.equals(Instant.MIN) ? "a tie: no version has a date (lastActivityAt, pullRequest.updatedAt or createdAt)"
                : "a tie: " + between + " are equally recent (" + latest + ")";
        Settlement kept = keepOne(versions, winner, Rule.NEWEST_TIE, "newest", outcome);
        return new Settlement(Rule.NEWEST_TIE, "newest: " + tie + ", broken by priority order (the first source wins): "
                + kept.words().substring("newest: ".length()), kept.replacesNewer());
    }

    private Settlement keepOne(List<Entry> versions, Entry winner, Rule rule, String name, List<Settled> outcome) {
        for (Entry entry : versions) {
            if (entry == winner) {
                outcome.add(write(entry, Fate.KEPT, entry.key()));
            } else {
                outcome.add(drop(entry, entry.hash().equals(winner.hash()) ? Fate.IDENTICAL_DUPLICATE : Fate.SUPERSEDED));
            }
        }
        if (winner.inTarget()) {
            String why = rule == Rule.CHOSEN ? "" : ", newer than every source's";
            return new Settlement(rule, name + ": kept the version in the target" + why + "; no source's version is written", false);
        }
        Optional<Entry> newerInTarget = versions.stream().filter(Entry::inTarget)
                .filter(target -> !target.hash().equals(winner.hash()) && isNewer(target, winner)).findFirst();
        String words = name + ": kept the version from source " + (winner.source() + 1);
        return newerInTarget.map(target -> new Settlement(rule, words + ", which replaces a NEWER version in the target ("
                        + target.recency().orElseThrow() + " against " + winner.recency().map(Instant::toString).orElse("no date")
                        + "; the backup keeps it)", true))
                .orElseGet(() -> new Settlement(rule, words, false));
    }

    private static boolean isNewer(Entry entry, Entry than) {
        return entry.recency().isPresent() && entry.recency().get().isAfter(than.recency().orElse(Instant.MIN));
    }

    /** Every version is kept: the target's own keeps its key (nothing in it is overwritten), else the first source's; the others are renamed. */
    private Settlement keepBoth(List<Entry> versions, Optional<Entry> inTarget, Set<String> takenKeys, List<Settled> outcome) {
        Entry keyHolder = inTarget.orElse(versions.get(0));
        Set<String> writtenHashes = new HashSet<>(Set.of(keyHolder.hash()));
        List<String> renames = new ArrayList<>();
        for (Entry entry : versions) {
            if (entry == keyHolder) {
                outcome.add(write(entry, Fate.KEPT, entry.key()));
            } else if (!writtenHashes.add(entry.hash())) {
                outcome.add(drop(entry, Fate.IDENTICAL_DUPLICATE));
            } else {
                String renamed = freeKey(entry.key() + "~" + (entry.source() + 1), takenKeys);
                outcome.add(write(entry, Fate.RENAMED, renamed));
                renames.add(SecretMasker.maskText("session", renamed)); // the settlement is shown and reported
            }
        }
        return new Settlement(Rule.KEEP_BOTH, "keep-both: " + keyHolder.label() + " kept the key, other versions became " + String.join(", ", renames),
                false);
    }

    private static String freeKey(String wanted, Set<String> takenKeys) {
        String key = wanted;
        for (int attempt = 2; !takenKeys.add(key); attempt++) {
            key = wanted + "-" + attempt;
        }
        return key;
    }

    /** The target's own version is recorded in its conflict, never among the input records nor written. */
    private Settled write(Entry entry, Fate fate, String key) {
        if (entry.inTarget()) {
            return drop(entry, fate);
        }
        Settled settledHere = new Settled(entry, fate, key);
        settled.add(settledHere);
        return settledHere;
    }

    private Settled drop(Entry entry, Fate fate) {
        Settled dropped = new Settled(entry, fate, null);
        if (!entry.inTarget()) {
            settled.add(dropped);
        }
        return dropped;
    }
}
