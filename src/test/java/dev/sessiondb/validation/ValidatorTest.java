package dev.sessiondb.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.RecordDamage;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Checks that inspect on the reading thread report exactly as if one thread had run every check. */
class ValidatorTest {

    /** Reports one finding per record; records the threads its inspect ran on. */
    private static class Tagging implements Check {

        private final String name;
        private final boolean onReadingThread;
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        Tagging(String name, boolean onReadingThread) {
            this.name = name;
            this.onReadingThread = onReadingThread;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean inspectsOnReadingThread() {
            return onReadingThread;
        }

        @Override
        public void inspect(SessionRecord record, Consumer<Finding> findings) {
            threads.add(Thread.currentThread().getName());
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), name + " on " + record.key(), "none"));
            if (name.equals("twice")) {
                findings.accept(Finding.of(this, Severity.WARNING, record.key(), name + " again on " + record.key(), "none"));
            }
        }
    }

    @Test
    void findingsComeInRecordOrderThenCheckOrderWhicheverThreadFoundThem() {
        List<SessionRecord> records = SampleSessions.minskyList(3_000, 7);
        Tagging first = new Tagging("first", false);
        Tagging twice = new Tagging("twice", true);
        Tagging last = new Tagging("last", false);
        List<String> reported = new ArrayList<>();

        long count = new Validator(List.of(first, twice, last)).run(records::iterator, records.size(),
                finding -> reported.add(finding.message()), ProgressMonitor.NONE);

        List<String> expected = new ArrayList<>();
        for (SessionRecord record : records) {
            expected.addAll(List.of("first on " + record.key(), "twice on " + record.key(), "twice again on " + record.key(),
                    "last on " + record.key()));
        }
        assertThat(reported).isEqualTo(expected);
        assertThat(count).isEqualTo(4L * records.size());
        String caller = Thread.currentThread().getName();
        assertThat(first.threads).containsExactly(caller);
        assertThat(last.threads).containsExactly(caller);
        assertThat(twice.threads).hasSize(1).doesNotContain(caller);
    }

    @Test
    void aFailureOnTheReadingThreadReachesTheCallerAsItWasThrown() {
        Check failing = new Tagging("failing", true) {
            @Override
            public void inspect(SessionRecord record, Consumer<Finding> findings) {
                throw new StoreException("store.db: session " + record.key() + " holds a damaged record");
            }
        };
        List<SessionRecord> records = SampleSessions.minskyList(10, 7);

        assertThatThrownBy(() -> new Validator(List.of(failing)).run(records::iterator, records.size(), finding -> { }, ProgressMonitor.NONE))
                .isInstanceOf(StoreException.class)
                .hasMessage("store.db: session " + records.get(0).key() + " holds a damaged record");
    }

    /** A stand-in for a record whose stored text no longer reads is the store-damage check's finding alone, and the run goes on. */
    @Test
    void aDamagedRecordsStandInIsAStoreDamageFindingAndTheRunGoesOn() {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(5, 7));
        RecordDamage damage = new RecordDamage("session 'x' holds a damaged record (cut short)", "delete that row");
        records.add(2, SessionRecord.unreadable("x", damage));
        Tagging ahead = new Tagging("ahead", true);
        Tagging after = new Tagging("after", false);
        Check storeDamage = new StoreDamageCheck(StoreLocator.of(StoreFormat.JSON, Path.of("absent.json")), List.of());
        List<Finding> reported = new ArrayList<>();

        new Validator(List.of(ahead, after, storeDamage)).run(records::iterator, records.size(), reported::add, ProgressMonitor.NONE);

        assertThat(reported).filteredOn(finding -> finding.session().equals("x")).singleElement()
                .isEqualTo(new Finding("store-damage", Severity.ERROR, "x", damage.what(), damage.todo(), List.of()));
        assertThat(reported).filteredOn(finding -> finding.check().equals("after")).hasSize(5);
        assertThat(reported.get(reported.size() - 1).session()).isEqualTo(records.get(5).key());
    }

    @Test
    void aDamagedRecordsStandInStopsARunWithoutTheStoreDamageCheckSayingWhatIsWrong() {
        List<SessionRecord> records = List.of(SessionRecord.unreadable("x", new RecordDamage("session 'x' holds a damaged record (cut short)", "delete that row")));

        assertThatThrownBy(() -> new Validator(List.of(new Tagging("only", false))).run(records::iterator, 1, finding -> { }, ProgressMonitor.NONE))
                .isInstanceOf(StoreException.class).hasMessage("session 'x' holds a damaged record (cut short); delete that row");
    }
}
