package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.progress.RecordedProgress;
import dev.sessiondb.sample.SampleSessions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreDiffTest {

    /** Collects everything, for small inputs. */
    private static final class Collected implements DiffListener {
        final List<String> onlyInA = new ArrayList<>();
        final List<String> onlyInB = new ArrayList<>();
        final List<SessionChange> changed = new ArrayList<>();

        @Override
        public void onlyInA(String session) {
            onlyInA.add(session);
        }

        @Override
        public void onlyInB(String session) {
            onlyInB.add(session);
        }

        @Override
        public void changed(SessionChange change) {
            changed.add(change);
        }
    }

    @Test
    void recordsInDifferentOrdersAreMatchedByKeyEvenWhenTheSortSpillsToDisk() {
        List<SessionRecord> a = SampleSessions.minskyList(500, 7);
        List<SessionRecord> b = new ArrayList<>(a.subList(20, 500));
        b.add(SampleSessions.minskyRecord(900, 7));
        b.set(100, b.get(100).with("branch", "changed-branch"));
        Collections.shuffle(b, new Random(3));
        Collected collected = new Collected();

        DiffSummary summary = new StoreDiff(Set.of(), 4_000).compare(a.iterator(), b.iterator(), 1001, collected, ProgressMonitor.NONE);

        assertThat(summary).isEqualTo(new DiffSummary(20, 1, 1, 479));
        assertThat(collected.onlyInA).containsExactlyElementsOf(a.subList(0, 20).stream().map(SessionRecord::key).sorted().toList());
        assertThat(collected.onlyInB).containsExactly(SampleSessions.minskyRecord(900, 7).key());
        assertThat(collected.changed.get(0).fields()).extracting(FieldChange::path).containsExactly("branch");
    }

    /** A spilled run keeps each key as JSON text in a UTF-8 file: half of a surrogate pair in a key was refused there. */
    @Test
    void aKeyHoldingHalfOfASurrogatePairSurvivesASpilledSort() {
        List<SessionRecord> a = new ArrayList<>(SampleSessions.minskyList(200, 7));
        a.add(SampleSessions.minskyRecord(900, 7).with("session", "cut\ud83d"));
        a.add(SampleSessions.minskyRecord(901, 7).with("session", "cut\ud800"));
        List<SessionRecord> b = new ArrayList<>(a);
        b.set(200, b.get(200).with("branch", "changed-branch"));
        Collections.shuffle(b, new Random(5));
        Collected collected = new Collected();

        DiffSummary summary = new StoreDiff(Set.of(), 4_000).compare(a.iterator(), b.iterator(), 404, collected, ProgressMonitor.NONE);

        assertThat(summary).isEqualTo(new DiffSummary(0, 0, 1, 201));
        assertThat(collected.changed.get(0).session()).isEqualTo("cut\ud83d");
    }

    @Test
    void reportsProgressForEveryRecordRead() {
        List<SessionRecord> records = SampleSessions.minskyList(30, 1);
        RecordedProgress monitor = new RecordedProgress();

        DiffSummary summary = new StoreDiff(Set.of()).compare(records.iterator(), records.iterator(), 60, new Collected(), monitor);

        assertThat(summary.isEqual()).isTrue();
        assertThat(summary.identical()).isEqualTo(30);
        assertThat(monitor.last()).containsExactly(60, 60);
    }

    @Test
    void keysWithLineBreaksTabsAndQuotesSurviveTheSpilledRuns() {
        List<SessionRecord> a = new ArrayList<>();
        for (String key : List.of("line\nbreak", "tab\there", "quote\"d", "back\\slash", "a\uD83D\uDE00", "a\uE000")) {
            for (int i = 0; i < 40; i++) {
                a.add(SessionRecord.of(JsonCodec.MAPPER.createObjectNode().put("session", key + i).put("repoName", "local/minsky")));
            }
        }
        List<SessionRecord> b = new ArrayList<>(a);
        b.set(7, b.get(7).with("branch", "changed"));
        Collections.shuffle(b, new Random(5));
        Collected collected = new Collected();

        DiffSummary summary = new StoreDiff(Set.of(), 2_000).compare(a.iterator(), b.iterator(), 480, collected, ProgressMonitor.NONE);

        assertThat(summary).isEqualTo(new DiffSummary(0, 0, 1, 239));
        assertThat(collected.changed).extracting(SessionChange::session).containsExactly(a.get(7).key());
    }
}
