package dev.sessiondb.ui.overview;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the overview shows about a store, counted in one pass over its records.
 *
 * @param withoutTaskId  Minsky's sessions without a task id
 * @param minskySessions the sessions that are Minsky's, whose repository, status and task the other counts are about
 * @param messages       the messages of every session's conversation
 * @param perWeek        sessions created per week, keyed by the week's Monday (UTC), in order
 */
public record StoreStatistics(long total, long withoutTaskId, long minskySessions, long messages, Map<String, Long> byRepo,
                              Map<String, Long> byStatus, Map<LocalDate, Long> perWeek) {

    /** A headline number and what it counts. */
    public record Headline(long value, String one, String many) {

        /** Singular for exactly one ("1 Status"). */
        public String label() {
            return value == 1 ? one : many;
        }
    }

    /** The charts' slice for sessions without a status, and bar for sessions without a repository. */
    static final String NO_STATUS = "(no status)";
    static final String NO_REPO = "(none)";

    /** How many statuses the sessions have: sessions without one add none. */
    public long statuses() {
        return byStatus.keySet().stream().filter(status -> !status.equals(NO_STATUS)).count();
    }

    /** How many repositories the sessions name: sessions without one add none. */
    public long repositories() {
        return byRepo.keySet().stream().filter(repo -> !repo.equals(NO_REPO)).count();
    }

    /**
     * Whether the counts of Minsky's fields (repositories, statuses, task ids) say anything: a chat server's or magellai's
     * sessions have none of them, and "0 Repositories, 0 Statuses, 40 Without task id" read as a store gone wrong.
     */
    public boolean aboutMinskySessions() {
        return minskySessions > 0;
    }

    /** The sessions; Minsky's counts where its sessions are; the messages where the sessions hold conversations. */
    public List<Headline> headlines() {
        List<Headline> headlines = new ArrayList<>(List.of(new Headline(total, "Session", "Sessions")));
        if (aboutMinskySessions()) {
            headlines.addAll(List.of(new Headline(repositories(), "Repository", "Repositories"), new Headline(statuses(), "Status", "Statuses"),
                    new Headline(withoutTaskId, "Without task id", "Without task id")));
        }
        if (messages > 0) {
            headlines.add(new Headline(messages, "Message", "Messages"));
        }
        return headlines;
    }

    public static StoreStatistics of(SessionStore store, ProgressMonitor monitor) {
        long expected = store.count();
        Counter counter = new Counter();
        try (RecordCursor cursor = store.cursor()) {
            while (cursor.hasNext()) {
                monitor.checkCancelled();
                counter.add(cursor.next());
                if (counter.total % 1000 == 0) {
                    monitor.progress(counter.total, expected);
                }
            }
        }
        monitor.progress(counter.total, counter.total);
        return counter.result();
    }

    /** The largest entries first, at most {@code limit}; the rest summed as "other". */
    public static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey())).toList();
        sorted.stream().limit(limit).forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        long rest = sorted.stream().skip(limit).mapToLong(Map.Entry::getValue).sum();
        if (rest > 0) {
            top.put("other", rest);
        }
        return top;
    }

    private static final class Counter {
        private long total;
        private long withoutTaskId;
        private long minskySessions;
        private long messages;
        private final Map<String, Long> byRepo = new TreeMap<>();
        private final Map<String, Long> byStatus = new TreeMap<>();
        private final Map<LocalDate, Long> perWeek = new TreeMap<>();

        void add(SessionRecord record) {
            total++;
            boolean minsky = SessionKind.of(record) == SessionKind.MINSKY;
            if (minsky) {
                minskySessions++;
            }
            messages += record.messages().size();
            // a task names Minsky's sessions alone: a chat server's or magellai's has none to lack
            if (minsky && record.taskId().filter(task -> !task.isBlank()).isEmpty()) {
                withoutTaskId++;
            }
            // the charts label their bars and slices with these: masked, as the table's cells are
            byRepo.merge(record.repoName().map(name -> SecretMasker.maskText("repoName", name)).orElse(NO_REPO), 1L, Long::sum);
            byStatus.merge(record.status().map(status -> SecretMasker.maskText("status", status)).orElse(NO_STATUS), 1L, Long::sum);
            record.createdAt().filter(Timestamp::isValid).ifPresent(created -> perWeek.merge(monday(created), 1L, Long::sum));
        }

        private static LocalDate monday(Timestamp created) {
            return created.instant().atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        StoreStatistics result() {
            return new StoreStatistics(total, withoutTaskId, minskySessions, messages, Map.copyOf(byRepo), Map.copyOf(byStatus), new TreeMap<>(perWeek));
        }
    }
}
