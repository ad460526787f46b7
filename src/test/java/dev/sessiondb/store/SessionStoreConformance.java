package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one suite every backend and layout runs unchanged. A subclass says how to make an
 * empty store; everything else is the same contract.
 */
public abstract class SessionStoreConformance extends SearchConformance {

    @Test
    void emptyStoreHasNoSessions() {
        assertThat(store.count()).isZero();
        assertThat(store.page(SessionQuery.all()).records()).isEmpty();
        assertThat(store.get("task#002")).isEmpty();
        assertThat(store.info().recordCount()).isZero();
    }

    @Test
    void everySampleRecordComesBackFieldForFieldAfterReopening() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);

        List<SessionRecord> back = reopenedRecords();

        assertThat(back).hasSize(samples.size());
        for (SessionRecord expected : samples) {
            SessionRecord actual = store.get(expected.key()).orElseThrow();
            assertThat(actual.fields()).as(expected.key()).isEqualTo(kept(expected).fields());
        }
    }

    @Test
    void theHashesInAnyOrderAreWhatAVerificationExpectsOfEachRecord() {
        List<SessionRecord> shuffled = new ArrayList<>(sampleRecords());
        Collections.shuffle(shuffled, new Random(9));
        fill(shuffled);

        Map<String, String> inAnyOrder = new HashMap<>();
        try (HashCursor cursor = store.hashesInAnyOrder()) {
            cursor.forEachRemaining(stored -> assertThat(inAnyOrder.put(stored.key(), stored.hash())).as(stored.key()).isNull());
        }

        assertThat(inAnyOrder).hasSize(shuffled.size());
        for (SessionRecord record : shuffled) {
            assertThat(inAnyOrder.get(record.key())).as(record.key()).isEqualTo(store.hashAsStored(record));
        }
    }

    /** PostgreSQL hashes each text on the server: its bytes must be the UTF-8 the verification expects, for every character. */
    @Test
    void theHashesInAnyOrderHoldForTextBeyondAscii() {
        List<SessionRecord> records = new ArrayList<>();
        String[] texts = {"café-naïve", "中文分支", "emoji-\uD83D\uDE80-launch", "tab\tand\\backslash \"quoted\"", "\u00A0nbsp\u2028line"};
        for (int i = 0; i < texts.length; i++) {
            records.add(SessionRecord.of(JsonCodec.MAPPER.createObjectNode().put("session", "ünï#" + i + texts[i]).put("repoName", "örg/" + texts[i]).put("repoUrl", "file:///tmp/örg/" + i)
                    .put("branch", texts[i]).put("taskId", "#" + i).put("createdAt", "2024-04-29T15:23:00.000Z")));
        }
        fill(records);

        Map<String, String> inAnyOrder = new HashMap<>();
        try (HashCursor cursor = store.hashesInAnyOrder()) {
            cursor.forEachRemaining(stored -> inAnyOrder.put(stored.key(), stored.hash()));
        }

        assertThat(inAnyOrder).hasSize(records.size());
        for (SessionRecord record : records) {
            assertThat(inAnyOrder.get(record.key())).as(record.key()).isEqualTo(store.hashAsStored(record));
        }
    }

    @Test
    void theCompactTextsAreTheRecordsInCursorOrderAsTextThatParsesBackToThem() {
        List<SessionRecord> shuffled = new ArrayList<>(sampleRecords());
        Collections.shuffle(shuffled, new Random(9));
        fill(shuffled);
        List<SessionRecord> inCursorOrder = reopenedRecords();

        List<KeyedText> texts = new ArrayList<>();
        try (TextCursor cursor = store.compactTexts()) {
            cursor.forEachRemaining(texts::add);
        }

        assertThat(texts).extracting(KeyedText::key).containsExactlyElementsOf(inCursorOrder.stream().map(SessionRecord::key).toList());
        for (int i = 0; i < texts.size(); i++) {
            SessionRecord record = texts.get(i).record().get();
            assertThat(record.fields()).as(record.key()).isEqualTo(inCursorOrder.get(i).fields());
            assertThat(new String(texts.get(i).text(), StandardCharsets.UTF_8)).as(record.key()).isEqualTo(record.compact());
        }
    }

    @Test
    void infoReportsFormatLayoutAndCount() {
        fill(sampleRecords());
        StoreInfo info = reopened().info();
        assertThat(info.format()).isEqualTo(store.locator().format());
        assertThat(info.layout()).isNotNull();
        assertThat(info.schemaVersion()).isNotBlank();
        assertThat(info.recordCount()).isEqualTo(sampleRecords().size());
        assertThat(store.count()).isEqualTo(sampleRecords().size());
    }

    @Test
    void theFingerprintStaysWhileReadingAndChangesWithTheRecords() {
        fill(sampleRecords().subList(0, 5));
        StoreFingerprint written = store.fingerprint();

        store.page(SessionQuery.all());
        store.get(sampleRecords().get(0).key());
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(record -> { });
        }
        assertThat(store.fingerprint()).as("reads change nothing").isEqualTo(written);
        assertThat(written.count()).isEqualTo(5);

        store.delete(sampleRecords().get(0).key());
        assertThat(store.fingerprint()).isNotEqualTo(written);
        assertThat(store.fingerprint().count()).isEqualTo(4);
    }

    @Test
    void putAddsThenReplacesOneRecord() {
        fill(sampleRecords().subList(0, 5));
        SessionRecord first = sampleRecords().get(0);
        SessionRecord changed = kept(first.with("branch", "renamed-branch"));

        store.put(changed);

        assertThat(store.count()).isEqualTo(5);
        assertThat(store.get(first.key()).orElseThrow().branch()).contains("renamed-branch");
        assertThat(reopened().get(first.key()).orElseThrow().fields()).isEqualTo(changed.fields());
    }

    @Test
    void deleteRemovesOnlyThatRecord() {
        fill(sampleRecords().subList(0, 5));
        String key = sampleRecords().get(2).key();

        assertThat(store.delete(key)).isTrue();
        assertThat(store.delete(key)).isFalse();

        assertThat(reopened().count()).isEqualTo(4);
        assertThat(store.get(key)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SortKey.class)
    void distinctValuesAreCountedLikeTheReference(SortKey field) {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        for (int limit : new int[] {3, 10_000}) {
            assertThat(store.distinctValues(field, SessionQuery.all(), limit)).as(field + " limit " + limit)
                    .isEqualTo(ValueCount.tally(samples.iterator(), field, limit));
        }
        // among the sessions a filter and a search leave: the pick list of a column while others are filtered
        SortKey filtered = Stream.of(SortKey.REPO_NAME, SortKey.STATUS, SortKey.BRANCH)
                .filter(key -> key.valueOf(samples.get(0)).isPresent()).findFirst().orElse(SortKey.SESSION);
        String value = filtered.valueOf(samples.get(0)).orElseThrow();
        for (SessionQuery within : List.of(SessionQuery.all().withFilters(List.of(new FieldFilter(filtered, value))),
                SessionQuery.all().withSearch("1"))) {
            assertThat(store.distinctValues(field, within, 10_000)).as(field + " within " + within)
                    .isEqualTo(ValueCount.tally(samples.iterator(), within::matches, field, 10_000));
        }
    }

    /** "Task is (empty)": the sessions without a value, as the pick list counts them, alone or under another filter. */
    @ParameterizedTest
    @EnumSource(SortKey.class)
    void aFilterForNoValueKeepsTheSessionsWithoutOneLikeTheReference(SortKey field) {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        FieldFilter empty = FieldFilter.withoutValue(field);
        SortKey other = Stream.of(SortKey.REPO_NAME, SortKey.STATUS, SortKey.BRANCH)
                .filter(key -> key != field && key.valueOf(samples.get(0)).isPresent()).findFirst().orElse(SortKey.SESSION);
        String otherValue = other.valueOf(samples.get(0)).orElseThrow();
        for (SessionQuery query : List.of(SessionQuery.all().withFilters(List.of(empty)),
                SessionQuery.all().withFilters(List.of(empty, new FieldFilter(other, otherValue))))) {
            List<String> expected = samples.stream().filter(query::matches).map(SessionRecord::key).toList();
            Page page = store.page(query.page(0, 10_000));
            assertThat(keys(page)).as(field + " " + query.filters()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(page.totalMatching()).isEqualTo(expected.size());
            long counted = store.distinctValues(field, query.withFilters(query.filters().subList(1, query.filters().size())), 10)
                    .stream().filter(value -> value.value().isEmpty()).mapToLong(ValueCount::count).sum();
            assertThat(counted).as("the pick list's (empty) count").isEqualTo(expected.size());
        }
    }

    @ParameterizedTest
    @EnumSource(SortKey.class)
    void sortsAndPagesByOffsetLikeTheReference(SortKey sort) {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        for (boolean descending : new boolean[] {false, true}) {
            SessionQuery query = SessionQuery.all().sortedBy(sort, descending).page(7, 25);
            Page page = store.page(query);
            assertThat(keys(page)).as(sort + (descending ? " desc" : " asc")).isEqualTo(reference(samples, query));
            assertThat(page.totalMatching()).isEqualTo(samples.size());
        }
    }

    /**
     * Task ids in the forms real stores mix sort by the task's number, numerically, the same task's ids together by text,
     * ids that are no number after them and sessions without one last, in every backend.
     */
    @Test
    void sortsMixedTaskIdFormsInTaskOrderAndFiltersEachExactly() {
        String[] taskIds = {"#1000", "#999", "099", "#099", "md#099", "mt#099", "task#99", "MD#99", "md#1000", "abc", "#07x", " #5", "#0", "0",
            null, "mt#283", "#079", "079", "md#123", null, "99999999999999999999", "#5"};
        List<SessionRecord> base = sampleRecords();
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < taskIds.length; i++) {
            SessionRecord record = renamed(base.get(i), String.format("order-%02d", i));
            records.add(taskIds[i] == null ? record.without("taskId") : record.with("taskId", taskIds[i]));
        }
        fill(records);
        List<SessionRecord> held = records.stream().map(this::kept).toList();

        SessionQuery byTask = SessionQuery.all().sortedBy(SortKey.TASK_ID, false).page(0, 100);
        if (held.get(0).taskId().isPresent()) {
            assertThat(keys(store.page(byTask))).extracting(key -> taskIds[Integer.parseInt(key.substring("order-".length()))])
                    .containsExactly("#0", "0", "#5", "#079", "079", "#099", "099", "MD#99", "md#099", "mt#099", "task#99", "md#123", "mt#283",
                            "#999", "#1000", "md#1000", "99999999999999999999", " #5", "#07x", "abc", null, null);
        }
        SessionQuery descending = byTask.sortedBy(SortKey.TASK_ID, true);
        // a descending page across the last task id and the sessions without one, one with a search, one past the last match
        for (SessionQuery query : List.of(byTask, descending, byTask.page(5, 7), descending.page(17, 4), descending.withSearch("order-1").page(1, 5),
                descending.page(30, 4))) {
            assertThat(keys(store.page(query))).as(query.toString()).isEqualTo(reference(held, query));
            assertThat(store.pageRecords(query)).extracting(SessionRecord::key).as(query.toString()).isEqualTo(reference(held, query));
        }
        for (String taskId : taskIds) {
            SessionQuery filtered = byTask.withFilters(List.of(taskId == null ? FieldFilter.withoutValue(SortKey.TASK_ID) : new FieldFilter(SortKey.TASK_ID, taskId)));
            assertThat(keys(store.page(filtered))).as(filtered.toString()).isEqualTo(reference(held, filtered));
        }
    }

    /** A SQL store asks for a page and its count in one statement, whose rows carry the count: a page with no rows still has one. */
    @Test
    void aPageCountsEveryMatchAtAnyOffsetAndWithoutRows() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        SessionRecord first = samples.get(0);
        for (SessionQuery query : List.of(SessionQuery.all(), SessionQuery.all().withSearch(first.key()),
                SessionQuery.all().withFilters(List.of(new FieldFilter(SortKey.SESSION, first.key()))))) {
            long matching = samples.stream().filter(query::matches).count();
            for (SessionQuery page : List.of(query.page(0, 3), query.page(matching - 1, 3), query.page(matching, 3), query.page(matching + 50, 3), query.page(0, 0))) {
                Page read = store.page(page);
                assertThat(keys(read)).as(page.toString()).isEqualTo(reference(samples, page));
                assertThat(read.totalMatching()).as(page.toString()).isEqualTo(matching);
                assertThat(store.pageRecords(page)).extracting(SessionRecord::key).as(page.toString()).isEqualTo(reference(samples, page));
            }
        }
    }

    @Test
    void filtersKeepOnlyExactMatches() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        String repo = samples.get(0).repoName().orElse(samples.get(0).key());
        SortKey field = samples.get(0).repoName().isPresent() ? SortKey.REPO_NAME : SortKey.SESSION;
        SessionQuery query = SessionQuery.all().withFilters(List.of(new FieldFilter(field, repo))).page(0, 10_000);
        assertThat(keys(store.page(query))).isEqualTo(reference(samples, query)).isNotEmpty();
    }

    @Test
    void keysetPagingVisitsEveryRecordOnceInKeyOrder() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        List<String> visited = new ArrayList<>();
        SessionQuery query = SessionQuery.all().page(0, 16);
        Page page;
        do {
            page = store.page(query);
            visited.addAll(keys(page));
            query = page.lastKey().map(query::after).orElse(query);
        } while (!page.records().isEmpty());
        assertThat(visited).isEqualTo(reference(samples, SessionQuery.all().page(0, Integer.MAX_VALUE)));
    }

    @Test
    void cursorStreamsEveryRecordOnce() {
        fill(sampleRecords());
        Set<String> keys = new HashSet<>();
        readAll().forEach(record -> assertThat(keys.add(record.key())).isTrue());
        assertThat(keys).hasSize(sampleRecords().size());
    }

    @Test
    void cancelledBulkWriteLeavesTheStoreAsItWas() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples.subList(0, 10));
        List<SessionRecord> before = readAll();
        AtomicLong reported = new AtomicLong();
        ProgressMonitor cancelHalfway = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                reported.set(done);
            }

            @Override
            public boolean isCancelled() {
                return reported.get() >= 20;
            }
        };

        assertThatThrownBy(() -> store.write(WriteBatch.replaceAll(samples.iterator(), samples.size()), cancelHalfway))
                .isInstanceOf(CancelledException.class);

        assertThat(reopenedRecords()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void bulkWriteReportsProgressUpToTheTotal() {
        List<SessionRecord> samples = sampleRecords();
        AtomicLong last = new AtomicLong();
        store.write(WriteBatch.replaceAll(samples.iterator(), samples.size()), new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                last.set(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(last.get()).isEqualTo(samples.size());
    }

    @Test
    void replaceAllRemovesRecordsNotInTheBatch() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        fill(samples.subList(0, 3));
        assertThat(reopened().count()).isEqualTo(3);
    }
}
